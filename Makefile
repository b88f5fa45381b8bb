# revcycle: hospital revenue-cycle metrics for PostgreSQL (PGXS build)
#
# In-tree:  make && make install && make installcheck
# VPATH:    make -C build -f /path/to/revcycle/Makefile VPATH=/path/to/revcycle
#           (what Debian's pg_buildext does)

EXTENSION   = revcycle
# The directory of this Makefile, which is where the sources are.
RC_SRCDIR  := $(patsubst %/,%,$(dir $(abspath $(firstword $(MAKEFILE_LIST)))))
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(RC_SRCDIR)/revcycle.control)
MODULE_big  = revcycle
OBJS        = $(patsubst $(RC_SRCDIR)/%.c,%.o,$(sort $(wildcard $(RC_SRCDIR)/src/*.c)))

# Install and upgrade scripts.
#   Released versions: sql/revcycle--V.sql and sql/revcycle--A--B.sql are
#   committed and never edited again (doc/DEVELOPING.md, "Releasing").
#   The version in development (default_version in revcycle.control) is
#   written as numbered parts in sql/<version>/ and assembled by make:
#     revcycle--PREV--V.sql  the parts, in name order (the upgrade)
#     revcycle--V.sql        the parts named 00_* (checks that must run before
#                            anything is created), then the released install
#                            script of PREV, then the other parts
#   where PREV is the newest released version.
RELEASED_SQL = $(patsubst $(RC_SRCDIR)/%,%,$(wildcard $(RC_SRCDIR)/sql/$(EXTENSION)--*.sql))
RELEASED     = $(shell ls $(RC_SRCDIR)/sql/ | sed -n 's/^$(EXTENSION)--\([0-9.]*\)\.sql$$/\1/p' | sort -V)
PREV         = $(lastword $(filter-out $(EXTVERSION),$(RELEASED)))
DEV_PARTS    = $(sort $(wildcard $(RC_SRCDIR)/sql/$(EXTVERSION)/*.sql))
ifneq ($(DEV_PARTS),)
DATA_built   = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--$(PREV)--$(EXTVERSION).sql
endif
DATA         = $(filter-out $(DATA_built),$(RELEASED_SQL))

REGRESS      = $(sort $(basename $(notdir $(wildcard $(RC_SRCDIR)/test/sql/*.sql))))
REGRESS_OPTS = --inputdir=$(RC_SRCDIR)/test --load-extension=$(EXTENSION)
# Isolation tests (concurrent sessions): test/specs/*.spec, expected/*.out
ISOLATION      = $(sort $(basename $(notdir $(wildcard $(RC_SRCDIR)/test/specs/*.spec))))
ISOLATION_OPTS = --inputdir=$(RC_SRCDIR)/test --load-extension=$(EXTENSION)

PG_CONFIG ?= pg_config
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
             -Wno-missing-field-initializers -Werror=implicit-function-declaration
EXTRA_CLEAN = results output_iso regression.diffs regression.out $(EXTENSION)-*.zip

# Out of tree (VPATH), pg_regress runs in the build directory, where the
# tests' relative paths (\ir sample/generate.sql, `cat test/fixtures/...`)
# must resolve too: rc-vpath-links links sample/ and test/ there.
RC_VPATH_BUILD = $(filter-out $(realpath $(RC_SRCDIR)),$(realpath $(CURDIR)))
ifneq ($(RC_VPATH_BUILD),)
REGRESS_PREP = rc-vpath-links
endif

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# An out-of-tree build searches the source tree for its targets too (VPATH):
# an in-tree build's revcycle.so, objects or generated SQL there would be
# taken as up to date and installed instead of being built for this server.
ifneq ($(RC_VPATH_BUILD),)
RC_INTREE_OUTPUTS = $(wildcard $(RC_SRCDIR)/$(MODULE_big)$(DLSUFFIX) $(RC_SRCDIR)/src/*.o \
                      $(RC_SRCDIR)/src/*.bc $(addprefix $(RC_SRCDIR)/,$(DATA_built)))
ifneq ($(filter-out clean distclean dist,$(or $(MAKECMDGOALS),all)),)
ifneq ($(RC_INTREE_OUTPUTS),)
$(error out-of-tree build, but $(RC_SRCDIR) holds in-tree build outputs ($(notdir $(RC_INTREE_OUTPUTS))) that VPATH would pick up: run "make clean" there first)
endif
endif
.PHONY: rc-vpath-links
rc-vpath-links:
	ln -sfn $(RC_SRCDIR)/sample sample
	ln -sfn $(RC_SRCDIR)/test test
endif

# Every object depends on every header (PGXS tracks no header dependencies);
# a VPATH build writes its objects under src/ of the build directory.
$(OBJS): $(wildcard $(RC_SRCDIR)/src/*.h) | objdir
.PHONY: objdir
objdir:
	@mkdir -p src

sql/$(EXTENSION)--$(PREV)--$(EXTVERSION).sql: $(DEV_PARTS) $(RC_SRCDIR)/revcycle.control
	@mkdir -p sql
	@{ printf -- '-- revcycle upgrade %s -> %s (generated from sql/%s/)\n' $(PREV) $(EXTVERSION) $(EXTVERSION); \
	   printf '\\echo Use "ALTER EXTENSION revcycle UPDATE" to load this file. \\quit\n'; \
	   cat $(DEV_PARTS); } > $@

sql/$(EXTENSION)--$(EXTVERSION).sql: $(DEV_PARTS) $(RC_SRCDIR)/sql/$(EXTENSION)--$(PREV).sql $(RC_SRCDIR)/revcycle.control
	@mkdir -p sql
	@{ printf -- '-- revcycle %s install script (generated from sql/%s.sql and sql/%s/)\n' $(EXTVERSION) $(EXTENSION)--$(PREV) $(EXTVERSION); \
	   printf '\\echo Use "CREATE EXTENSION revcycle" to load this file. \\quit\n'; \
	   cat $(filter $(RC_SRCDIR)/sql/$(EXTVERSION)/00_%,$(DEV_PARTS)) /dev/null; \
	   tail -n +3 $(RC_SRCDIR)/sql/$(EXTENSION)--$(PREV).sql; \
	   cat $(filter-out $(RC_SRCDIR)/sql/$(EXTVERSION)/00_%,$(DEV_PARTS)) /dev/null; } > $@

# The PGXN release archive: every committed file of HEAD (commit first;
# .gitattributes export-ignore keeps CI files out), checked against
# META.json, whose version must be default_version of revcycle.control.
dist:
	@v=$$(sed -n 's/^   "version": *"\(.*\)",*$$/\1/p' $(RC_SRCDIR)/META.json); \
	 [ "$$v" = "$(EXTVERSION)" ] || { echo "META.json says version '$$v', revcycle.control '$(EXTVERSION)'" >&2; exit 1; }
	@cd $(RC_SRCDIR) && [ -z "$$(git status --porcelain --untracked-files=no)" ] || \
	 echo "make dist: warning: uncommitted changes are not in the archive (made from HEAD)" >&2
	cd $(RC_SRCDIR) && git archive --format=zip --prefix=$(EXTENSION)-$(EXTVERSION)/ \
	    -o $(CURDIR)/$(EXTENSION)-$(EXTVERSION).zip HEAD

.PHONY: test demo bench matrix dist
test:
	$(RC_SRCDIR)/scripts/test.sh
demo:
	$(RC_SRCDIR)/scripts/demo.sh
bench:
	$(RC_SRCDIR)/bench/run.sh
matrix:
	$(RC_SRCDIR)/scripts/test-matrix.sh
