/*-------------------------------------------------------------------------
 *
 * carc.h
 *	  The grammar of denial codes: a claim adjustment group code (CO, CR,
 *	  OA, PI, PR) and a claim adjustment reason code (CARC), packed into
 *	  one integer key.  The per-row parsers are inline here; formatting
 *	  and malformed-code keys are in carc.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_CARC_H
#define REVCYCLE_CARC_H

#include "c.h"

/* Raw text kept for a malformed code, in bytes (whole characters). */
#define RC_RAW_MAX 16

/*
 * Group codes, numbered in alphabetical order so that sorting packed keys
 * sorts by group code; RC_G_UNKNOWN (a bare CARC) sorts last.  Group 0 in
 * a key means "any group" and appears only in the category map.
 */
#define RC_G_ANY		0
#define RC_G_UNKNOWN	6
static const char *const rc_group_names[] = {"", "CO", "CR", "OA", "PI", "PR", ""};

/*
 * Key layout: bit 31 set = malformed code (the low bits are a hash of the
 * raw text, which is compared too); otherwise bits 24-26 the group and the
 * low 24 bits the CARC's characters, left-aligned, zero-padded, so that
 * comparing keys compares (group, CARC text).  A key is never 0: an empty
 * hash slot has key 0.
 */
#define RC_KEY_INVALID	0x80000000U
#define RC_KEY_EMPTY	0U
#define RC_KEY_GROUP(k) ((int) (((k) >> 24) & 0x7))
#define RC_KEY_CARC(k)	((k) & 0xFFFFFFU)

/* A blank around a code: space, tab, newline or carriage return. */
static inline bool
rc_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Drop blanks from both ends of s[0..len). */
static inline void
rc_trim(const char **s, int *len)
{
	while (*len > 0 && rc_is_blank(**s))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && rc_is_blank((*s)[*len - 1]))
		(*len)--;
}

/*
 * Group index + 1 by the two letters' places in the alphabet: 0 for two
 * letters that are not a group code.
 */
#define RC_LETTERS(a, b) (((a) - 'A') * 26 + ((b) - 'A'))
static const uint8 rc_group_of_letters[26 * 26] = {
	[RC_LETTERS('C', 'O')] = 1 + 1,
	[RC_LETTERS('C', 'R')] = 2 + 1,
	[RC_LETTERS('O', 'A')] = 3 + 1,
	[RC_LETTERS('P', 'I')] = 4 + 1,
	[RC_LETTERS('P', 'R')] = 5 + 1,
};

/* Group index of two characters (any case), or -1.  No data-dependent branch. */
static inline int
rc_group_index(char a, char b)
{
	uint32		la = (uint32) ((unsigned char) a | 0x20) - 'a';
	uint32		lb = (uint32) ((unsigned char) b | 0x20) - 'a';

	if (la >= 26 || lb >= 26)
		return -1;
	return (int) rc_group_of_letters[la * 26 + lb] - 1;
}

/* An alphanumeric character upper-cased, or 0 for any other byte. */
#define RC_CU(c) \
	((c) >= '0' && (c) <= '9' ? (c) : \
	 (c) >= 'A' && (c) <= 'Z' ? (c) : \
	 (c) >= 'a' && (c) <= 'z' ? (c) - ('a' - 'A') : 0)
#define RC_CU16(b) \
	RC_CU((b) + 0), RC_CU((b) + 1), RC_CU((b) + 2), RC_CU((b) + 3), \
	RC_CU((b) + 4), RC_CU((b) + 5), RC_CU((b) + 6), RC_CU((b) + 7), \
	RC_CU((b) + 8), RC_CU((b) + 9), RC_CU((b) + 10), RC_CU((b) + 11), \
	RC_CU((b) + 12), RC_CU((b) + 13), RC_CU((b) + 14), RC_CU((b) + 15)
static const uint8 rc_carc_upper[256] = {
	RC_CU16(0), RC_CU16(16), RC_CU16(32), RC_CU16(48),
	RC_CU16(64), RC_CU16(80), RC_CU16(96), RC_CU16(112),
	RC_CU16(128), RC_CU16(144), RC_CU16(160), RC_CU16(176),
	RC_CU16(192), RC_CU16(208), RC_CU16(224), RC_CU16(240)
};

/*
 * Packed CARC of 1-3 alphanumerics (upper-cased), or 0 when malformed.
 * Three table lookups (the last character repeated for shorter codes),
 * no branch on the characters or the length.
 */
static inline uint32
rc_carc_bits(const char *s, int len)
{
	uint32		c0;
	uint32		c1;
	uint32		c2;

	if ((uint32) (len - 1) > 2)
		return 0;
	c0 = rc_carc_upper[(unsigned char) s[0]];
	c1 = rc_carc_upper[(unsigned char) s[len > 1]];
	c2 = rc_carc_upper[(unsigned char) s[len - 1]];
	if ((c0 == 0) | (c1 == 0) | (c2 == 0))
		return 0;
	return (c0 << 16) | (c1 << 8 & -(uint32) (len > 1)) | (c2 & -(uint32) (len > 2));
}

/*
 * Parse a (trimmed) code in any of the accepted spellings: "CO-16",
 * "CO16", "co 16", "CO*16", "CO - 16", or a bare "16".  Sets *group to the
 * group index (RC_G_UNKNOWN when none is given) and returns the packed
 * CARC, or 0 when the code is malformed.
 */
static inline uint32
rc_parse_combined(const char *s, int len, int *group)
{
	int			g;

	if (len >= 2 && (g = rc_group_index(s[0], s[1])) > 0)
	{
		const char *p = s + 2;
		int			n = len - 2;

		/*
		 * A group code prefix.  (No CARC begins with the letters of a group
		 * code, so "CO1" is group CO, reason 1.)
		 */
		while (n > 0 && rc_is_blank(*p))
			p++, n--;
		if (n > 0 && (*p == '-' || *p == '*' || *p == ':'))
		{
			p++, n--;
			while (n > 0 && rc_is_blank(*p))
				p++, n--;
		}
		*group = g;
		return rc_carc_bits(p, n);
	}
	*group = RC_G_UNKNOWN;
	return rc_carc_bits(s, len);
}

/* Pack a group index and a CARC into a key. */
static inline uint32
rc_make_key(int group, uint32 carc)
{
	return ((uint32) group << 24) | carc;
}

/* "CO-16" or "16" into buf (at least 8 bytes); returns the length. */
extern int	rc_key_format(uint32 key, char *buf);
extern int	rc_carc_format(uint32 key, char *buf);

/* Malformed codes: whether raw text may be stored, and its key. */
extern bool rc_raw_is_storable(const char *raw, int len);
extern uint32 rc_invalid_key(const char *s, int len, char *raw, int *rawlen);

#endif							/* REVCYCLE_CARC_H */
