/*-------------------------------------------------------------------------
 *
 * code_csv.c
 *	  parse_code_csv, the CSV reader behind load_code_descriptions (a
 *	  site's own licensed code descriptions).
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

/* ---------- licensed code descriptions: CSV reader ---------- */

/*
 * One CSV record from *p: fields separated by commas, a field in double
 * quotes may hold commas, newlines and "" for a quote.  Unquoted fields are
 * trimmed of blanks.  Returns the number of fields (at most maxf are kept),
 * or -1 at the end of input; *line advances over the newlines consumed.
 */
static int
rc_csv_record(const char **p, const char *end, char **fields, int maxf, int *line)
{
	const char *q = *p;
	int			nf = 0;
	StringInfoData f;

	if (q >= end)
		return -1;
	initStringInfo(&f);
	for (;;)
	{
		bool		quoted = false;

		resetStringInfo(&f);
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == '"')
		{
			int			startline = *line;

			quoted = true;
			q++;
			for (;;)
			{
				if (q >= end)
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("unterminated quoted field in code descriptions CSV, line %d",
									startline)));
				if (*q == '"')
				{
					if (q + 1 < end && q[1] == '"')
					{
						appendStringInfoChar(&f, '"');
						q += 2;
						continue;
					}
					q++;
					break;
				}
				if (*q == '\n')
					(*line)++;
				appendStringInfoChar(&f, *q++);
			}
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (q < end && *q != ',' && *q != '\n' && *q != '\r')
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("unexpected character after a quoted field in code descriptions CSV, line %d",
								*line)));
		}
		else
		{
			while (q < end && *q != ',' && *q != '\n' && *q != '\r')
			{
				if (*q == '"')
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("quote inside an unquoted field in code descriptions CSV, line %d",
									*line)));
				appendStringInfoChar(&f, *q++);
			}
			while (f.len > 0 && (f.data[f.len - 1] == ' ' || f.data[f.len - 1] == '\t'))
				f.data[--f.len] = '\0';
		}
		(void) quoted;
		if (nf < maxf)
			fields[nf] = pstrdup(f.data);
		nf++;
		if (q < end && *q == ',')
		{
			q++;
			continue;
		}
		break;
	}
	if (q < end && *q == '\r')
		q++;
	if (q < end && *q == '\n')
		q++;
	(*line)++;
	*p = q;
	pfree(f.data);
	return nf;
}

/*
 * parse_code_csv(csv text) -> (line, code_type, code, description): the
 * records of a CSV whose header is code_type,code,description (any case).
 * Blank lines are skipped; every other record must have three fields.
 */
PG_FUNCTION_INFO_V1(rc_parse_code_csv);
Datum
rc_parse_code_csv(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(t);
	const char *end = p + VARSIZE_ANY_EXHDR(t);
	char	   *fields[3];
	int			line = 1;
	int			nf;
	bool		header = true;

	InitMaterializedSRF(fcinfo, 0);
	/* a UTF-8 byte order mark, as spreadsheets write it */
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;)
	{
		int			recline = line;

		nf = rc_csv_record(&p, end, fields, 3, &line);
		if (nf < 0)
			break;
		if (nf == 1 && fields[0][0] == '\0')
			continue;			/* blank line */
		if (nf != 3)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("code descriptions CSV line %d has %d fields, expected 3", recline, nf),
					 errhint("Columns: code_type, code, description; quote fields that hold commas.")));
		if (header)
		{
			if (pg_strcasecmp(fields[0], "code_type") != 0 ||
				pg_strcasecmp(fields[1], "code") != 0 ||
				pg_strcasecmp(fields[2], "description") != 0)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("code descriptions CSV must start with the header \"code_type,code,description\", got \"%s,%s,%s\"",
								fields[0], fields[1], fields[2])));
			header = false;
			continue;
		}
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			values[0] = Int32GetDatum(recline);
			values[1] = PointerGetDatum(cstring_to_text(fields[0]));
			values[2] = PointerGetDatum(cstring_to_text(fields[1]));
			values[3] = PointerGetDatum(cstring_to_text(fields[2]));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	if (header)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("code descriptions CSV is empty"),
				 errhint("The first line must be the header \"code_type,code,description\".")));
	return (Datum) 0;
}
