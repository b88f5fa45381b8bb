--
-- remit_errors: every malformed X12 835 fixture, and inline variants, must
-- raise SQLSTATE 22P02 (22003 for arithmetic overflow) with the reason and
-- offending value in the message and "segment N (ID), element E" in DETAIL.
-- Each line prints SQLSTATE: message | detail; a case that wrongly succeeds
-- prints "ok".
--
\pset null NULL
SET search_path = public;

CREATE FUNCTION pg_temp.err(doc text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    d text;
BEGIN
    PERFORM count(*) FROM revcycle.parse_835(doc);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' | ' || d ELSE '' END;
END $$;

-- The same error from every SRF (all run the same core).
CREATE FUNCTION pg_temp.err_all(doc text) RETURNS TABLE (fn text, error text) LANGUAGE plpgsql AS $$
DECLARE
    f text;
    d text;
BEGIN
    FOREACH f IN ARRAY ARRAY['parse_835_transactions', 'parse_835', 'parse_835_lines',
                             'parse_835_adjustments', 'parse_835_provider_adjustments',
                             'check_835'] LOOP
        fn := f;
        BEGIN
            CASE f
                WHEN 'parse_835_transactions' THEN PERFORM count(*) FROM revcycle.parse_835_transactions(doc);
                WHEN 'parse_835' THEN PERFORM count(*) FROM revcycle.parse_835(doc);
                WHEN 'parse_835_lines' THEN PERFORM count(*) FROM revcycle.parse_835_lines(doc);
                WHEN 'parse_835_adjustments' THEN PERFORM count(*) FROM revcycle.parse_835_adjustments(doc);
                WHEN 'parse_835_provider_adjustments' THEN PERFORM count(*) FROM revcycle.parse_835_provider_adjustments(doc);
                ELSE PERFORM count(*) FROM revcycle.check_835(doc);
            END CASE;
            error := 'ok';
        EXCEPTION WHEN OTHERS THEN
            -- the location the message gives ("segment N (ID), element E")
            error := SQLSTATE || ' | ' || coalesce(substring(SQLERRM FROM 'at (segment [^:]*):'), SQLERRM);
        END;
        RETURN NEXT;
    END LOOP;
END $$;

-- Text that starts with neither ISA nor ST.
\set doc `cat test/fixtures/835/bad_01_not_x12.edi`
SELECT pg_temp.err(:'doc') AS bad_01_not_x12;
-- ISA06 one character short: the ISA is not 106 characters.
\set doc `cat test/fixtures/835/bad_02_isa_length.edi`
SELECT pg_temp.err(:'doc') AS bad_02_isa_length;
-- Envelopes left open: GE while ST is open, IEA while GS is open, end of
-- input inside the interchange (segment = count + 1, id of the missing IEA).
\set doc `cat test/fixtures/835/bad_03_missing_se.edi`
SELECT pg_temp.err(:'doc') AS bad_03_missing_se;
\set doc `cat test/fixtures/835/bad_04_missing_ge.edi`
SELECT pg_temp.err(:'doc') AS bad_04_missing_ge;
\set doc `cat test/fixtures/835/bad_05_missing_iea.edi`
SELECT pg_temp.err(:'doc') AS bad_05_missing_iea;
-- Control counts that disagree: SE01, GE01, IEA01.
\set doc `cat test/fixtures/835/bad_06_se_count.edi`
SELECT pg_temp.err(:'doc') AS bad_06_se_count;
\set doc `cat test/fixtures/835/bad_07_ge_count.edi`
SELECT pg_temp.err(:'doc') AS bad_07_ge_count;
\set doc `cat test/fixtures/835/bad_08_iea_count.edi`
SELECT pg_temp.err(:'doc') AS bad_08_iea_count;
-- A non-numeric amount (CLP04 12.3X) and an impossible date (2025-02-30).
\set doc `cat test/fixtures/835/bad_09_amount.edi`
SELECT pg_temp.err(:'doc') AS bad_09_amount;
\set doc `cat test/fixtures/835/bad_10_date.edi`
SELECT pg_temp.err(:'doc') AS bad_10_date;
-- SE02 differs from ST02.
\set doc `cat test/fixtures/835/bad_11_control_mismatch.edi`
SELECT pg_temp.err(:'doc') AS bad_11_control_mismatch;
-- The second transaction of an interchange has BPR16 = 2026-11-31.
\set doc `cat test/fixtures/835/bad_12_second_txn.edi`
SELECT pg_temp.err(:'doc') AS bad_12_second_txn;
SELECT * FROM pg_temp.err_all(:'doc');

-- Inline variants (envelope-stripped, default delimiters).
SELECT pg_temp.err('') AS empty_text;
SELECT pg_temp.err('   ') AS blanks_only;
SELECT pg_temp.err('GS*HP*X~') AS starts_with_gs;
SELECT pg_temp.err('ST*837*1~SE*2*1~') AS not_835;
SELECT pg_temp.err('ST*835*1~TRN*1*T~SE*3*1~') AS bpr_missing;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*5*5') AS se_missing_at_end;
-- Leading zeros are suppressed in X12 decimals (005010 TR3 appendix B):
-- .5 and -.5 are accepted (ok); a decimal point with no digit after it,
-- or no digit at all, is not.
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*.5*5~SE*4*1~') AS amount_leading_dot;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*-.5*5~SE*4*1~') AS amount_negative_leading_dot;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*.*5~SE*4*1~') AS amount_dot_alone;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*-.*5~SE*4*1~') AS amount_minus_dot;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*+.5*5~SE*4*1~') AS amount_plus_sign;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*5.*5~SE*4*1~') AS amount_trailing_dot;
SELECT pg_temp.err('ST*835*1~BPR*I*1,000*C~SE*3*1~') AS amount_comma;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*5*5~CAS*XX*45*1~SE*5*1~') AS bad_group_code;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*5*5~DTM*232*20230229~SE*5*1~') AS not_a_leap_year;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~CLP*P*1*5*5~DTM*232*20240229~SE*5*1~') AS leap_year_ok;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~SVC*HC:1*5*5~SE*4*1~') AS svc_outside_claim;
SELECT pg_temp.err('ST*835*1~BPR*I*5*C~PLB*1*20261231*L6*-1~CLP*P*1*5*5~SE*5*1~') AS clp_after_plb;
-- Balancing arithmetic beyond int64 is refused (22003), never wrapped.
DO $$
DECLARE d text;
BEGIN
    PERFORM count(*) FROM revcycle.check_835(
        'ST*835*1~BPR*I*0*C~CLP*P*1*9223372036854775807*9223372036854775807~'
        || 'CLP*Q*1*9223372036854775807*9223372036854775807~SE*5*1~');
    RAISE NOTICE 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RAISE NOTICE '%: % | %', SQLSTATE, SQLERRM, d;
END $$;

-- Clear refusals of what is outside the standard (issue 11, item 7).
-- SVC01 split on another character than the component separator in force:
-- the message names the separator (':' here, the default of stripped text).
SELECT pg_temp.err('ST*835*1~BPR*I*1*C~CLP*P*1*1*1~SVC*HC^J0696^KX*1*1~SE*5*1~') AS svc01_other_separator;
-- A four-letter segment id is quoted whole.
SELECT pg_temp.err('ST*835*1~BPR*I*1*C~CLPX*P*1*1*1~SE*4*1~') AS four_letter_id;
-- A file wrapped every 80 characters says so (01 with a line feed after
-- every 80 characters: the ISA holds one).
\set doc `cat test/fixtures/835/01_paid_crlf.edi`
SELECT pg_temp.err(regexp_replace(:'doc', '(.{80})', E'\\1\n', 'g')) AS wrapped_every_80;
-- A line break inside a later segment: named with the error.
SELECT pg_temp.err(E'ST*835*1~BPR*I*1*C~CLP*P*1*1\n0*10~SE*4*1~') AS wrapped_inside_amount;
-- A DOS end-of-file mark (Ctrl-Z) after the last IEA or SE is ignored;
-- other bytes there are named.
SELECT pg_temp.err(:'doc' || chr(26)) AS ctrl_z_after_iea;
SELECT pg_temp.err(:'doc' || chr(26) || 'GARBAGE') AS bytes_after_iea;
SELECT pg_temp.err('ST*835*1~BPR*I*0*C~SE*3*1~' || chr(26)) AS ctrl_z_after_se;
