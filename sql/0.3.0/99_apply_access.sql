
-- Last part of every install and upgrade script: grant what this version
-- added or recreated to the roles recorded in access_grant.
SELECT @extschema@.apply_access();
