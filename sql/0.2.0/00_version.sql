
-- ===================================================================
-- revcycle 0.2.0: A/R aging and days in A/R, denial summaries, X12 835
-- remittances.  Every part of this version only adds to 0.1.0.
-- ===================================================================
