/*-------------------------------------------------------------------------
 *
 * carc.c
 *	  Denial codes as text: formatting packed keys, and the key and stored
 *	  raw text of a malformed code.  The parsers are inline in carc.h.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "common/hashfn.h"
#include "mb/pg_wchar.h"

#include "carc.h"

/* "CO-16", or "16" for an unknown group, into buf (at least 8 bytes). */
int
rc_key_format(uint32 key, char *buf)
{
	int			g = RC_KEY_GROUP(key);
	uint32		carc = RC_KEY_CARC(key);
	int			n = 0;
	int			shift;

	if (g >= 1 && g <= 5)
	{
		buf[n++] = rc_group_names[g][0];
		buf[n++] = rc_group_names[g][1];
		buf[n++] = '-';
	}
	for (shift = 16; shift >= 0; shift -= 8)
	{
		char		c = (char) ((carc >> shift) & 0xFF);

		if (c != '\0')
			buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

/* The CARC of a key alone ("16"), into buf. */
int
rc_carc_format(uint32 key, char *buf)
{
	return rc_key_format(rc_make_key(RC_G_UNKNOWN, RC_KEY_CARC(key)), buf);
}

/*
 * True when raw text is what text input and binary receive accept for a
 * malformed code: no blank at either end and not a well-formed code (the
 * callers have replaced control characters already).
 */
bool
rc_raw_is_storable(const char *raw, int len)
{
	int			group;

	if (len > 0 && (rc_is_blank(raw[0]) || rc_is_blank(raw[len - 1])))
		return false;
	return rc_parse_combined(raw, len, &group) == 0;
}

/*
 * Malformed code (s trimmed of blanks): key from the raw text, its first
 * RC_RAW_MAX bytes (whole characters) with control characters as '?'.
 * Raw text that would end in a blank (a cut "XXXXXXXXXXXXXXX YYY") or
 * read as a well-formed code (a cut "CO-16       XX", or "CR-CO1" made of
 * a group column and a CARC column with another group) gets a '~', after
 * it when there is room, else in place of its last byte (always a one-byte
 * character then): so it still reads as a malformed code, and reads back
 * through text input and binary receive, which accept exactly
 * rc_raw_is_storable text.
 */
uint32
rc_invalid_key(const char *s, int len, char *raw, int *rawlen)
{
	int			n = pg_mbcliplen(s, len, RC_RAW_MAX);
	int			i;

	for (i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		raw[i] = (c < 0x20 || c == 0x7F) ? '?' : (char) c;
	}
	if (n > 0 && !rc_raw_is_storable(raw, n))
	{
		if (n < RC_RAW_MAX)
			raw[n++] = '~';
		else
			raw[n - 1] = '~';
	}
	*rawlen = n;
	return RC_KEY_INVALID | (hash_bytes((const unsigned char *) raw, n) & 0x7FFFFFFFU);
}
