# Chronicle: turn dated news articles into event and figure records.
#
#   make            build the library (static and shared) and the tool
#   make demo       install missing Debian packages, build, run on the example
#   make test       unit and end-to-end tests, then again under ASan+UBSan
#   make asan       the tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make install    PREFIX=/usr/local DESTDIR= : tool, library, header, .pc, data
#   make eval | conformance | bench   measurements against ../shared (when present)
#   make bench-serve  only the server's part of bench: wrk on a million records
#   make fuzz       FUZZ_SECONDS=60: each fuzz target of fuzz/ (needs clang)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/chronicle
PKGDIR  ?= $(LIBDIR)/pkgconfig

VERSION := 0.1.0
SOMAJOR := 0

CC      ?= cc
BUILD   ?= build
CFLAGS  ?= -g -O2
LDFLAGS ?=
SHARED  ?= ../shared

PKGS     := jansson libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcsv ships no pkg-config file on Debian; ask anyway, then fall back.
CSV_LIBS := $(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv)
LIBS     := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(CSV_LIBS) -lm -lpthread
TEST_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# The store (src/store) is a library of its own on top of the core: only it
# and the tool see SQLite.
SQLITE_CFLAGS := $(shell pkg-config --cflags sqlite3 2>/dev/null)
SQLITE_LIBS := $(shell pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3)
# The server (src/server) is one more library, on top of the store: only it
# sees libmicrohttpd and zlib, and only the tool and its tests link it.
SERVER_CFLAGS := $(shell pkg-config --cflags libmicrohttpd zlib 2>/dev/null)
SERVER_LIBS := $(shell pkg-config --libs libmicrohttpd zlib 2>/dev/null || echo -lmicrohttpd -lz)

WARN    := -Wall -Wextra -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS_ALL := -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
                -DCHR_DATADIR='"$(DATADIR)"'
CFLAGS_ALL := -std=c11 $(WARN) -fPIC $(PKG_CFLAGS) $(CPPFLAGS_ALL) $(CFLAGS)

# The core and its readers/writers; the store and the server are separate.
LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/analyze/*.c \
                            src/extract/*.c src/io/*.c src/core/*.c))
STORE_SRC := $(sort $(wildcard src/store/*.c))
SERVER_SRC := $(sort $(wildcard src/server/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
STORE_OBJ := $(STORE_SRC:%.c=$(BUILD)/obj/%.o)
SERVER_OBJ := $(SERVER_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

STATIC := $(BUILD)/libchronicle.a
STORE_LIB := $(BUILD)/libchronicle-store.a
SERVER_LIB := $(BUILD)/libchronicle-server.a
SHLIB  := $(BUILD)/libchronicle.so.$(VERSION)
TOOL   := $(BUILD)/chronicle

.PHONY: all deps demo test check unit e2e asan install uninstall clean \
        eval conformance bench bench-serve fuzz fuzz-build valgrind

all: $(STATIC) $(SHLIB) $(STORE_LIB) $(SERVER_LIB) $(TOOL) web

# The dashboard (web/): bundled into $(BUILD)/web, tested in a browser.
include web/web.mk

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(STORE_OBJ): CFLAGS_ALL += $(SQLITE_CFLAGS)
$(SERVER_OBJ): CFLAGS_ALL += $(SQLITE_CFLAGS) $(SERVER_CFLAGS)

-include $(LIB_OBJ:.o=.d) $(STORE_OBJ:.o=.d) $(SERVER_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

$(STATIC): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SHLIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libchronicle.so.$(SOMAJOR) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)
	ln -sf libchronicle.so.$(VERSION) $(BUILD)/libchronicle.so.$(SOMAJOR)
	ln -sf libchronicle.so.$(VERSION) $(BUILD)/libchronicle.so

$(STORE_LIB): $(STORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SERVER_LIB): $(SERVER_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(TOOL): $(CLI_OBJ) $(SERVER_LIB) $(STORE_LIB) $(STATIC)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(SERVER_LIB) $(STORE_LIB) $(STATIC) $(LIBS) \
	    $(SQLITE_LIBS) $(SERVER_LIBS)

# ---- dependencies ---------------------------------------------------------

deps:
	@sh scripts/install-deps.sh

# ---- the main job on the bundled example ------------------------------------

demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== chronicle extract examples/kyiv-aid-2023-05-12.txt" >&2
	@$(TOOL) extract examples/kyiv-aid-2023-05-12.txt

# ---- tests ------------------------------------------------------------------

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(STATIC) $(LIBS) $(TEST_LIBS) $(LDFLAGS)

# The store's tests link the store library and SQLite too.
STORE_TESTS := $(BUILD)/tests/test_store $(BUILD)/tests/test_filter
$(STORE_TESTS): $(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(STORE_LIB) $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SQLITE_CFLAGS) -Itests/unit -o $@ $< $(STORE_LIB) $(STATIC) \
	    $(LIBS) $(SQLITE_LIBS) $(TEST_LIBS) $(LDFLAGS)

# The server's tests start it in-process: server, store and SQLite.
$(BUILD)/tests/test_server: tests/unit/test_server.c tests/unit/testutil.h $(SERVER_LIB) \
                            $(STORE_LIB) $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(SQLITE_CFLAGS) -Itests/unit -o $@ $< $(SERVER_LIB) $(STORE_LIB) \
	    $(STATIC) $(LIBS) $(SQLITE_LIBS) $(SERVER_LIBS) $(TEST_LIBS) $(LDFLAGS)

# Plain build: unit tests, then the tool end to end.
check: all $(TEST_BIN)
	@sh tests/run.sh "$(BUILD)" "$(TEST_BIN)"

test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory asan

ASAN_FLAGS := -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all

asan:
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	 $(MAKE) --no-print-directory BUILD=build/asan \
	   CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" check

# Every unit test and every end-to-end run of the tool under valgrind
# (memcheck: errors and definite or indirect leaks fail).  The tool runs
# through a wrapper; the hostile suite skips its 100 MB inputs there and
# gives each run ten minutes.
VALGRIND_CMD := valgrind --error-exitcode=99 --leak-check=full \
                --errors-for-leak-kinds=definite,indirect -q
valgrind: all $(TEST_BIN)
	@printf '#!/bin/sh\nexec %s "%s" "$$@"\n' "$(VALGRIND_CMD)" "$(abspath $(TOOL))" \
	  > $(BUILD)/chronicle-valgrind
	@chmod +x $(BUILD)/chronicle-valgrind
	@VALGRIND="$(VALGRIND_CMD)" CHRONICLE_E2E=$(abspath $(BUILD))/chronicle-valgrind \
	  CHRONICLE_HOSTILE_BIG=0 CHRONICLE_HOSTILE_LIMIT=600 \
	  sh tests/run.sh "$(BUILD)" "$(TEST_BIN)"

# ---- measurements against ../shared -------------------------------------------

eval: all
	@sh scripts/eval.sh "$(TOOL)" "$(SHARED)"

# The conformance runner (tests/conformance/*.c) against the public
# Recognizers-Text specs; V=1 lists every failure and skip reason.
CONF_SRC := $(sort $(wildcard tests/conformance/*.c))

$(BUILD)/conformance: $(CONF_SRC) tests/conformance/conformance.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/conformance -o $@ $(CONF_SRC) $(STATIC) $(LIBS) $(LDFLAGS)

conformance: all $(BUILD)/conformance
	@sh scripts/conformance.sh "$(BUILD)" "$(SHARED)" $(if $(V),-v)

bench: all
	@sh bench/run.sh "$(TOOL)" "$(SHARED)"
	@$(MAKE) --no-print-directory bench-serve

# The server under wrk on a store of about BENCH_RECORDS records (built once
# from $(SHARED)/corpus and cached in ~/.cache/chronicle-bench).
bench-serve: all
	@sh scripts/install-deps.sh bench
	@python3 bench/serve.py --tool "$(TOOL)" --shared "$(SHARED)"

# ---- fuzzing ------------------------------------------------------------------
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="text pipeline"]
#
# Builds the library with clang's fuzzer instrumentation, ASan and UBSan in
# build/fuzz, then runs each target of fuzz/ (one .c file each) FUZZ_SECONDS
# seconds, one after the other, on seeds made from $(SHARED)/corpus and data/
# into build/fuzz-corpus/.  A crash's input is copied to
# fuzz/regressions/TARGET/, which tests/unit/test_fuzz_regressions.c replays.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build/fuzz
FUZZ_SRC     := $(sort $(wildcard fuzz/*.c))
FUZZ_TARGETS ?= $(FUZZ_SRC:fuzz/%.c=%)
FUZZ_CFLAGS  := -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
                -fno-omit-frame-pointer -fno-sanitize-recover=all

fuzz:
	@sh scripts/install-deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	   CFLAGS="$(FUZZ_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" fuzz-build
	@sh fuzz/run.sh "$(FUZZ_BUILD)" "$(FUZZ_SECONDS)" "$(SHARED)" $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzzers/%)

$(BUILD)/fuzzers/%: fuzz/%.c fuzz/fuzz.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(STATIC) $(LIBS) $(LDFLAGS)

# ---- install ----------------------------------------------------------------

install: all web-install
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	           $(DESTDIR)$(PKGDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(TOOL) $(DESTDIR)$(BINDIR)/chronicle
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libchronicle.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libchronicle.so.$(VERSION)
	ln -sf libchronicle.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libchronicle.so.$(SOMAJOR)
	ln -sf libchronicle.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libchronicle.so
	install -m 644 include/chronicle.h $(DESTDIR)$(INCDIR)/chronicle.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCDIR@|$(INCDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    chronicle.pc.in > $(DESTDIR)$(PKGDIR)/chronicle.pc
	cd data && find . -type f ! -name '.*' -exec install -D -m 644 {} $(DESTDIR)$(DATADIR)/{} \;

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/chronicle $(DESTDIR)$(LIBDIR)/libchronicle.* \
	      $(DESTDIR)$(INCDIR)/chronicle.h $(DESTDIR)$(PKGDIR)/chronicle.pc
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build
