/*-------------------------------------------------------------------------
 *
 * revcycle.c
 *	  Module entry point for the revcycle extension.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

extern void rc_money_init(void);
extern void rc_guard_init(void);
void		_PG_init(void);

void
_PG_init(void)
{
	rc_money_init();
	rc_guard_init();
}
