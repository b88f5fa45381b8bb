/*-------------------------------------------------------------------------
 *
 * rcdate.c
 *	  Date helpers shared by the aging and ar_days summary types: dates in
 *	  messages, the strict ISO form their text I/O writes and reads, and
 *	  the check that an as_of date is finite.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "rcdate.h"

/* A date as date_out prints it, for messages. */
char *
rc_date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/*
 * A finite date in PostgreSQL's ISO form, as date_out writes it with
 * DateStyle ISO: the year in at least four digits (five or more after
 * 9999), " BC" after years before 1 AD.  Every date PostgreSQL accepts has
 * one, and rc_date_from_iso reads exactly these back.  buf holds
 * MAXDATELEN + 1 bytes.
 */
static void
rc_date_iso(DateADT d, char *buf)
{
	struct pg_tm tm;

	memset(&tm, 0, sizeof(tm));
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	EncodeDateOnly(&tm, USE_ISO_DATES, buf);
}

/*
 * A finite date in the form rc_date_iso writes, and only that form
 * ("YYYY-MM-DD", "10000-01-01", "0001-01-01 BC"; no leading zeros beyond
 * four year digits), in PostgreSQL's date range; false otherwise.
 */
bool
rc_date_from_iso(const char *s, DateADT *out)
{
	const char *p = s;
	int			ndigits = 0;
	int			y = 0;
	int			m;
	int			d;
	bool		bc = false;
	DateADT		date;
	char		canon[MAXDATELEN + 1];

	/* 8 digits are more than any valid year has: stop there */
	while (*p >= '0' && *p <= '9' && ndigits < 8)
	{
		y = y * 10 + (*p++ - '0');
		ndigits++;
	}
	if (ndigits < 4 || p[0] != '-' ||
		p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' || p[3] != '-' ||
		p[4] < '0' || p[4] > '9' || p[5] < '0' || p[5] > '9')
		return false;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	d = (p[4] - '0') * 10 + (p[5] - '0');
	p += 6;
	if (strcmp(p, " BC") == 0)
		bc = true;
	else if (*p != '\0')
		return false;
	if (y < 1)
		return false;			/* there is no year 0 */
	if (bc)
		y = 1 - y;				/* 1 BC is year 0 of the proleptic calendar */
	if (m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1] ||
		!IS_VALID_JULIAN(y, m, d))
		return false;
	date = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(date))
		return false;
	/* canonical: no extra leading zeros */
	rc_date_iso(date, canon);
	if (strcmp(canon, s) != 0)
		return false;
	*out = date;
	return true;
}

/* A finite date as a JSON string in rc_date_iso's form. */
void
rc_write_date(StringInfo buf, DateADT d)
{
	char		iso[MAXDATELEN + 1];

	rc_date_iso(d, iso);
	appendStringInfoChar(buf, '"');
	appendStringInfoString(buf, iso);
	appendStringInfoChar(buf, '"');
}

/* Raise 22023 unless an as_of date is finite. */
void
rc_check_as_of(DateADT as_of)
{
	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date %s is not finite", rc_date_text(as_of))));
}
