# Chronicle: turn dated news articles into event and figure records.
#
#   make            build the library (static and shared) and the tool
#   make demo       install missing Debian packages, build, run on the example
#   make test       unit and end-to-end tests, then again under ASan+UBSan
#   make asan       the tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make install    PREFIX=/usr/local DESTDIR= : tool, library, header, .pc, data
#   make eval | conformance | bench   measurements against ../shared (when present)

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

WARN    := -Wall -Wextra -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS_ALL := -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
                -DCHR_DATADIR='"$(DATADIR)"'
CFLAGS_ALL := -std=c11 $(WARN) -fPIC $(PKG_CFLAGS) $(CPPFLAGS_ALL) $(CFLAGS)

# The core and its readers/writers; the store and the server are separate.
LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/analyze/*.c \
                            src/extract/*.c src/io/*.c src/core/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

STATIC := $(BUILD)/libchronicle.a
SHLIB  := $(BUILD)/libchronicle.so.$(VERSION)
TOOL   := $(BUILD)/chronicle

.PHONY: all deps demo test check unit e2e asan install uninstall clean \
        eval conformance bench fuzz valgrind

all: $(STATIC) $(SHLIB) $(TOOL)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

$(STATIC): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SHLIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libchronicle.so.$(SOMAJOR) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)
	ln -sf libchronicle.so.$(VERSION) $(BUILD)/libchronicle.so.$(SOMAJOR)
	ln -sf libchronicle.so.$(VERSION) $(BUILD)/libchronicle.so

$(TOOL): $(CLI_OBJ) $(STATIC)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(LIBS)

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

valgrind: all $(TEST_BIN)
	@VALGRIND="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect -q" \
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

# ---- install ----------------------------------------------------------------

install: all
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
