/*-------------------------------------------------------------------------
 *
 * guard.c
 *	  Keep a DBA's routine DROP from destroying hospital data.
 *
 * DROP EXTENSION revcycle (or DROP SCHEMA revcycle CASCADE, which drops the
 * extension with it) drops every member table, and with CASCADE also the
 * columns of the user's own tables that hold a revcycle type.  The event
 * trigger revcycle_drop_guard runs rc_drop_guard at ddl_command_start for
 * those commands, before anything is dropped, and refuses while
 *	- a table the extension registered for pg_dump (the hospital tables and
 *	  the site's code edits) holds a row, or
 *	- a table that is not part of the extension has a column of a revcycle
 *	  type (a rollup table of stored summaries),
 * unless revcycle.allow_drop_with_data is on in the session.
 *
 * The tables to check come from pg_extension.extconfig/extcondition, which
 * only the extension's own scripts write; table names are formatted from
 * their OIDs (regclass), never taken from user strings.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "catalog/pg_extension.h"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/parsenodes.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#define RC_EXTENSION_NAME	"revcycle"
/* revcycle.control: schema = revcycle, relocatable = false */
#define RC_EXTENSION_SCHEMA "revcycle"

/* How many offending tables or columns an error message lists. */
#define RC_GUARD_MAX_LISTED	5

/* revcycle.allow_drop_with_data */
static bool rc_allow_drop_with_data = false;

void		rc_guard_init(void);

/* Registers the setting; called from _PG_init. */
void
rc_guard_init(void)
{
	DefineCustomBoolVariable("revcycle.allow_drop_with_data",
							 "Lets DROP EXTENSION revcycle drop tables that hold rows.",
							 "Off by default: dropping the extension while its tables hold "
							 "hospital data, or while other tables have columns of its "
							 "types, is refused.",
							 &rc_allow_drop_with_data,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
}

/* Does this DROP statement drop the extension (directly or by its schema)? */
static bool
rc_drop_hits_extension(DropStmt *stmt)
{
	ListCell   *lc;

	if (stmt->removeType == OBJECT_EXTENSION)
	{
		foreach(lc, stmt->objects)
		{
			if (strcmp(strVal(lfirst(lc)), RC_EXTENSION_NAME) == 0)
				return true;
		}
		return false;
	}
	if (stmt->removeType != OBJECT_SCHEMA || stmt->behavior != DROP_CASCADE)
		return false;
	foreach(lc, stmt->objects)
	{
		if (strcmp(strVal(lfirst(lc)), RC_EXTENSION_SCHEMA) == 0)
			return true;
	}
	return false;
}

/* Appends "a, b, c" (at most RC_GUARD_MAX_LISTED) from one-column rows. */
static int
rc_guard_collect(const char *query, StringInfo out)
{
	int			n;
	uint64		i;

	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "revcycle drop guard: query failed: %s", query);
	n = (int) SPI_processed;
	for (i = 0; i < SPI_processed && i < RC_GUARD_MAX_LISTED; i++)
	{
		if (out->len > 0)
			appendStringInfoString(out, ", ");
		appendStringInfoString(out, SPI_getvalue(SPI_tuptable->vals[i],
												 SPI_tuptable->tupdesc, 1));
	}
	if (n > RC_GUARD_MAX_LISTED)
		appendStringInfo(out, " and %d more", n - RC_GUARD_MAX_LISTED);
	return n;
}

PG_FUNCTION_INFO_V1(rc_drop_guard);

/* Event trigger at ddl_command_start for DROP EXTENSION and DROP SCHEMA. */
Datum
rc_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	Oid			extoid;
	StringInfoData tables;
	StringInfoData columns;
	StringInfoData query;
	int			ntables;
	int			ncolumns;
	uint64		i;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		elog(ERROR, "rc_drop_guard: not called by the event trigger manager");
	trigdata = (EventTriggerData *) fcinfo->context;
	if (trigdata->parsetree == NULL || !IsA(trigdata->parsetree, DropStmt))
		PG_RETURN_VOID();
	extoid = get_extension_oid(RC_EXTENSION_NAME, true);
	if (!OidIsValid(extoid) ||
		!rc_drop_hits_extension((DropStmt *) trigdata->parsetree) ||
		rc_allow_drop_with_data)
		PG_RETURN_VOID();

	initStringInfo(&tables);
	initStringInfo(&columns);
	initStringInfo(&query);
	SPI_connect();

	/* The registered tables and their dump conditions. */
	appendStringInfo(&query,
					 "SELECT u.reloid::pg_catalog.regclass::pg_catalog.text, u.cond"
					 "  FROM pg_catalog.pg_extension x,"
					 "       unnest(x.extconfig, x.extcondition) AS u(reloid, cond)"
					 "  JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) u.reloid"
					 " WHERE x.oid OPERATOR(pg_catalog.=) %u AND c.relkind IN ('r', 'p')"
					 " ORDER BY 1", extoid);
	if (SPI_execute(query.data, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "revcycle drop guard: could not read the extension's tables");

	/* One EXISTS per table, in one query: "SELECT t FROM (VALUES ...) WHERE". */
	resetStringInfo(&query);
	for (i = 0; i < SPI_processed; i++)
	{
		char	   *rel = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
		char	   *cond = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		appendStringInfo(&query, "%sSELECT %s::pg_catalog.text WHERE EXISTS (SELECT FROM %s %s)",
						 i > 0 ? " UNION ALL " : "",
						 quote_literal_cstr(rel), rel, cond ? cond : "");
	}
	ntables = query.len > 0 ? rc_guard_collect(query.data, &tables) : 0;

	/* Columns of other tables whose type (or element type) is ours. */
	resetStringInfo(&query);
	appendStringInfo(&query,
					 "SELECT a.attrelid::pg_catalog.regclass::pg_catalog.text"
					 "       OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||)"
					 "       pg_catalog.quote_ident(a.attname)"
					 "  FROM pg_catalog.pg_attribute a"
					 "  JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) a.attrelid"
					 "  JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) a.atttypid"
					 " WHERE a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped"
					 "   AND EXISTS (SELECT FROM pg_catalog.pg_depend d"
					 "        WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass"
					 "          AND d.objid IN (t.oid, t.typelem)"
					 "          AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass"
					 "          AND d.refobjid OPERATOR(pg_catalog.=) %u"
					 "          AND d.deptype OPERATOR(pg_catalog.=) 'e')"
					 "   AND c.relkind IN ('r', 'p', 'm', 'f')"
					 "   AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend m"
					 "        WHERE m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass"
					 "          AND m.objid OPERATOR(pg_catalog.=) c.oid"
					 "          AND m.refobjid OPERATOR(pg_catalog.=) %u"
					 "          AND m.deptype OPERATOR(pg_catalog.=) 'e')"
					 " ORDER BY 1", extoid, extoid);
	ncolumns = rc_guard_collect(query.data, &columns);

	SPI_finish();

	if (ntables > 0 || ncolumns > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
				 errmsg("cannot drop extension revcycle while it holds data"),
				 ntables > 0 && ncolumns > 0 ?
				 errdetail("Tables with rows: %s. Columns of revcycle types in other tables: %s.",
						   tables.data, columns.data) :
				 ntables > 0 ?
				 errdetail("Tables with rows: %s.", tables.data) :
				 errdetail("Columns of revcycle types in other tables: %s.", columns.data),
				 errhint("Dump the data first (pg_dump), then SET revcycle.allow_drop_with_data = on "
						 "in this session to drop the extension and the data with it.")));
	PG_RETURN_VOID();
}
