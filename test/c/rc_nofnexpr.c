/*-------------------------------------------------------------------------
 *
 * rc_nofnexpr.c
 *	  Test-only: call an aggregate's transition function the way Citus'
 *	  worker_partial_agg does.
 *
 * worker_partial_agg(agg, args) runs the aggregate's transition function
 * itself: on every row it builds a fresh FmgrInfo with fmgr_info(), so the
 * function sees no call expression (fn_expr is NULL, get_fn_expr_argtype
 * knows nothing) and an fn_extra that is NULL again on every row.  It
 * passes its own aggregate context along, so the transition function may
 * update its state in place.
 *
 *	rc_test.partial_agg(transfn regprocedure, agg_context boolean,
 *						VARIADIC "any") -> text
 *
 * does the same with the arguments after agg_context and returns the final
 * state in its text form (the state type's output function), to compare
 * with the aggregate's own result.  With agg_context false the transition
 * function is called outside any aggregate (fcinfo->context NULL).
 *
 * Not part of revcycle: scripts/test.sh builds and installs it into the
 * test installation only (test/nofnexpr.sh).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"

PG_MODULE_MAGIC;

typedef struct RcTestBox
{
	Oid			transfn;
	Oid			transtype;
	int16		typlen;
	bool		typbyval;
	Datum		value;
	bool		isnull;
} RcTestBox;

PG_FUNCTION_INFO_V1(rc_test_partial_agg_sfunc);
Datum
rc_test_partial_agg_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	RcTestBox  *box;
	FmgrInfo	flinfo;
	LOCAL_FCINFO(inner, FUNC_MAX_ARGS);
	int			nvalues = PG_NARGS() - 3;	/* the row's values */
	int			i;
	Datum		result;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		elog(ERROR, "rc_test_partial_agg_sfunc called outside an aggregate");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		elog(ERROR, "transition function and agg_context must not be NULL");
	if (PG_ARGISNULL(0))
	{
		box = MemoryContextAllocZero(aggctx, sizeof(RcTestBox));
		box->transfn = PG_GETARG_OID(1);
		box->transtype = get_func_rettype(box->transfn);
		get_typlenbyval(box->transtype, &box->typlen, &box->typbyval);
		box->isnull = true;
	}
	else
		box = (RcTestBox *) PG_GETARG_POINTER(0);

	/* a fresh FmgrInfo for every row, as worker_partial_agg_sfunc does */
	fmgr_info(box->transfn, &flinfo);
	if (flinfo.fn_expr != NULL || flinfo.fn_extra != NULL)
		elog(ERROR, "fmgr_info left fn_expr or fn_extra set");
	if (flinfo.fn_strict)
		elog(ERROR, "rc_test_partial_agg_sfunc does not handle strict transition functions");

	InitFunctionCallInfoData(*inner, &flinfo, nvalues + 1, PG_GET_COLLATION(),
							 PG_GETARG_BOOL(2) ? fcinfo->context : NULL, NULL);
	inner->args[0].value = box->value;
	inner->args[0].isnull = box->isnull;
	for (i = 0; i < nvalues; i++)
		inner->args[i + 1] = fcinfo->args[i + 3];
	result = FunctionCallInvoke(inner);

	/* keep the new state in the aggregate context (nodeAgg's rule) */
	if (!box->typbyval && DatumGetPointer(result) != DatumGetPointer(box->value))
	{
		if (!inner->isnull)
		{
			MemoryContext old = MemoryContextSwitchTo(aggctx);

			result = datumCopy(result, box->typbyval, box->typlen);
			MemoryContextSwitchTo(old);
		}
		if (!box->isnull)
			pfree(DatumGetPointer(box->value));
	}
	box->value = result;
	box->isnull = inner->isnull;
	PG_RETURN_POINTER(box);
}

PG_FUNCTION_INFO_V1(rc_test_partial_agg_ffunc);
Datum
rc_test_partial_agg_ffunc(PG_FUNCTION_ARGS)
{
	RcTestBox  *box;
	Oid			typoutput;
	bool		typisvarlena;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	box = (RcTestBox *) PG_GETARG_POINTER(0);
	if (box->isnull)
		PG_RETURN_NULL();
	getTypeOutputInfo(box->transtype, &typoutput, &typisvarlena);
	PG_RETURN_TEXT_P(cstring_to_text(OidOutputFunctionCall(typoutput, box->value)));
}
