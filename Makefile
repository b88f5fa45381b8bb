# revcycle: hospital revenue-cycle metrics for PostgreSQL (PGXS build)

EXTENSION   = revcycle
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" revcycle.control)
MODULE_big  = revcycle
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# Install and upgrade scripts are assembled from the numbered parts in
# sql/<version>/ so that each concern keeps its own file:
#   revcycle--V.sql           every part of every version up to V
#   revcycle--PREV--V.sql     the parts of V alone (the upgrade)
VERSIONS    = $(shell ls -d sql/[0-9]*.[0-9]*.[0-9]* 2>/dev/null | sed 's|sql/||' | sort -V)
INSTALL_SQL = $(foreach v,$(VERSIONS),sql/$(EXTENSION)--$(v).sql)
UPGRADE_SQL = $(shell set -- $(VERSIONS); prev=; for v; do [ -n "$$prev" ] && printf 'sql/$(EXTENSION)--%s--%s.sql ' $$prev $$v; prev=$$v; done)
DATA_built  = $(INSTALL_SQL) $(UPGRADE_SQL)

REGRESS      = $(sort $(basename $(notdir $(wildcard test/sql/*.sql))))
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION)

PG_CONFIG ?= pg_config
PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
             -Wno-missing-field-initializers -Werror=implicit-function-declaration
EXTRA_CLEAN = sql/$(EXTENSION)--*.sql results regression.diffs regression.out

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object depends on every header (PGXS tracks no header dependencies).
$(OBJS): $(wildcard src/*.h)

# sql/revcycle--V.sql: all parts of every version <= V, in order.
sql/$(EXTENSION)--%.sql: $(wildcard sql/*/*.sql) revcycle.control
	@v="$*"; case "$$v" in \
	  *--*) from=$${v%%--*}; to=$${v##*--}; \
	        printf -- '-- revcycle upgrade %s -> %s (generated from sql/%s/)\n' $$from $$to $$to > $@; \
	        printf '\\echo Use "ALTER EXTENSION revcycle UPDATE" to load this file. \\quit\n' >> $@; \
	        cat sql/$$to/*.sql >> $@ ;; \
	  *)    printf -- '-- revcycle %s install script (generated from sql/*/)\n' $$v > $@; \
	        printf '\\echo Use "CREATE EXTENSION revcycle" to load this file. \\quit\n' >> $@; \
	        for d in $(VERSIONS); do cat sql/$$d/*.sql >> $@; [ "$$d" = "$$v" ] && break; done ;; \
	esac

.PHONY: test demo bench
test:
	./scripts/test.sh
demo:
	./scripts/demo.sh
bench:
	./bench/run.sh
