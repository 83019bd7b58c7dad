# ksplit -- plain make with pkg-config.  `make help` lists the targets.

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCDIR   ?= $(PREFIX)/include
MANDIR   ?= $(PREFIX)/share/man
# libxml2 and libzip are compiled against but loaded on first use (dlopen,
# src/dynlib.c), so that text input never loads them: only their headers
# are needed at build time, their libraries at run time.
LIB_PKGS := libutf8proc
DL_PKGS  := libxml-2.0 libzip
PKGS     := jansson $(LIB_PKGS)
CC       ?= cc
PYTHON   ?= python3
WARN     := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
# Warnings are errors in CI (CI=true) or with WERROR=1.
ifneq ($(CI)$(WERROR),)
WARN     += -Werror
endif
# -O3: the respace grid's and the scanners' loops vectorise; 6% fewer
# instructions than -O2 on the bench corpus, output identical
OPT      ?= -O3 -g
CFLAGS   ?=
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -ldl
ALL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(OPT) $(PKG_CFLAGS) -Isrc $(CFLAGS)
LDLIBS     += $(PKG_LIBS) -lpthread -lm

BUILD    ?= build
LIB_SRC  := $(filter-out src/main.c src/batch.c,$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/schema_data.o
CLI_OBJ  := $(BUILD)/main.o $(if $(wildcard src/batch.c),$(BUILD)/batch.o)
LIBA     := $(BUILD)/libksplit.a
# The shared library: the same sources built position-independent, only
# the functions of src/ksplit.h exported (src/ksplit.map).
SONAME   := libksplit.so.1
LIBSO    := $(BUILD)/$(SONAME)
PIC_OBJ  := $(LIB_OBJ:$(BUILD)/%.o=$(BUILD)/pic/%.o)
KSPLIT   := $(BUILD)/ksplit
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)
# Arguments of the unit test programs that read data files.
ARGS_test_respace := tests/spacing.txt
ARGS_test_html    := tests/fixtures/html
ARGS_test_hwpx    := tests/fixtures/hwpx
ARGS_test_hwp     := tests/fixtures/hwp

.PHONY: all clean test check unit golden stream schema io variants shlib pathological asan valgrind batch hwpx-check eval fuzz-smoke warnings coverage \
        demo deps install uninstall bench fuzz format lint help
all: $(KSPLIT) $(LIBSO)

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD):
	mkdir -p $@

$(BUILD)/schema_data.c: schemas/ksplit.schema.json tools/embed.sh | $(BUILD)
	sh tools/embed.sh ks_schema_text < $< > $@

$(BUILD)/schema_data.o: $(BUILD)/schema_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/pic/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/pic
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/pic/schema_data.o: $(BUILD)/schema_data.c | $(BUILD)/pic
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/pic:
	mkdir -p $@

# -z defs: every symbol the library needs is resolved at link time
$(LIBSO): $(PIC_OBJ) src/ksplit.map
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=src/ksplit.map \
	    -Wl,-z,defs -o $@ $(PIC_OBJ) $(LDFLAGS) $(LDLIBS)
	ln -sf $(SONAME) $(BUILD)/libksplit.so

$(KSPLIT): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LDFLAGS) $(LDLIBS)

$(BUILD)/test_%: tests/unit/test_%.c tests/unit/harness.h $(LIBA)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIBA) $(LDFLAGS) $(LDLIBS)

# This one builds quotes.c and test_quotes.c in, with a tiny window.
$(BUILD)/test_quotes_window: src/quotes.c tests/unit/test_quotes.c

$(BUILD)/extract_dump: tests/extract_dump.c $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBA) $(LDFLAGS) $(LDLIBS)

# ---- tests ---------------------------------------------------------------

# Every test; the README's test command.  CI runs it through .ci/run.
check: test warnings asan valgrind pathological fuzz-smoke

test: unit golden stream schema io batch variants shlib

unit: $(UNIT_BIN)
	@fail=0; $(foreach t,$(UNIT_BIN),printf '%-16s ' $(notdir $(t)):; \
	    $(t) $(ARGS_$(notdir $(t))) > $(t).out 2>&1; rc=$$?; tail -n 1 $(t).out; \
	    [ $$rc = 0 ] || { fail=1; cat $(t).out; };) exit $$fail

golden: $(KSPLIT)
	@sh tests/run_golden.sh $(KSPLIT_CMD)

# The same golden inputs fed in 1-, 2-, 3- and 7-byte chunks: identical bytes.
stream: $(KSPLIT)
	@CHUNKS="1 2 3 7" sh tests/run_golden.sh $(KSPLIT) | tail -n 1

schema: $(KSPLIT)
	@$(KSPLIT) --schema | cmp -s - schemas/ksplit.schema.json || { echo "--schema differs from schemas/"; exit 1; }
	@$(PYTHON) tools/validate_schema.py schemas/ksplit.schema.json \
	    $$(for d in tests/golden/*; do grep -qs -- '--to text' $$d/args || echo $$d/expected.json; done)

io: $(KSPLIT)
	@sh tests/io_test.sh $(KSPLIT)

# libksplit.so: its exports, and a program linked with it (tests/shlib_test.sh).
shlib: $(KSPLIT) $(LIBSO)
	@sh tests/shlib_test.sh $(BUILD)

# The golden text inputs rewritten as scrapers and converters rewrite text
# (line ends, white space, BOM, NFD, UTF-16, CP949, pdftotext's page
# feeds), the HTML and HWPX ones re-saved: the same result
# (tests/variants_test.py).
variants: $(KSPLIT)
	@$(PYTHON) tests/variants_test.py $(KSPLIT)

pathological: $(KSPLIT)
	@sh tests/pathological.sh $(KSPLIT)

# Batch mode: folders, jobs, interrupted runs (tests/batch_test.sh).
batch: $(KSPLIT)
	@if [ -f tests/batch_test.sh ]; then sh tests/batch_test.sh $(KSPLIT); fi

# Throughput, start-up, memory and linear-time ratios (bench/run.sh).
bench: $(KSPLIT)
	@sh bench/run.sh $(KSPLIT)

# libFuzzer targets (clang); FUZZTIME seconds each (tests/fuzz/run.sh).
FUZZTIME ?= 60
fuzz:
	@FUZZTIME=$(FUZZTIME) sh tests/fuzz/run.sh

# Every fuzz target for a few seconds, replaying the saved reproducers first.
fuzz-smoke: | $(BUILD)
	@FUZZTIME=10 sh tests/fuzz/run.sh > $(BUILD)/fuzz-smoke.log 2>&1; rc=$$?; \
	    tail -n 6 $(BUILD)/fuzz-smoke.log; exit $$rc

# Every C file compiled as others may build it: gcc without the optimiser
# and at -Og (a debug build: some warnings need the optimiser's view of
# the code, others show only without it) and clang at -O2, warnings as
# errors, the objects thrown away.  `make` itself builds with gcc -O3.
WARN_BUILDS ?= gcc:-O0 gcc:-Og clang:-O2
WARN_SRC    := $(filter-out src/respace_model.c src/cp949_table.c,$(wildcard src/*.c)) \
               $(wildcard tests/unit/*.c tests/fuzz/*.c tests/shlib/*.c tests/*.c bench/*.c)
warnings:
	@fail=0; for b in $(WARN_BUILDS); do cc=$${b%%:*}; opt=$${b#*:}; \
	    for f in $(WARN_SRC); do \
	        $$cc -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Werror $$opt $(PKG_CFLAGS) -Isrc -Itests/unit \
	            -c -o /dev/null $$f || fail=1; \
	    done; done; \
	    [ $$fail = 0 ] && echo "warnings: none ($(WARN_BUILDS), $(words $(WARN_SRC)) files)"; exit $$fail

# Unit and golden tests again, built with AddressSanitizer + UBSan.
asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" unit golden

# Line coverage of the library and the CLI by `make test` and the
# pathological inputs (gcov; tools/coverage.sh: build-cov/coverage.txt has
# the table, build-cov/*.gcov the lines, '#####' where a line never ran).
coverage:
	@mkdir -p build-cov && rm -f build-cov/*.gcda
	@$(MAKE) --no-print-directory BUILD=build-cov OPT="-O1 -g --coverage" LDFLAGS="--coverage" \
	    test pathological > build-cov/test.log 2>&1 || { tail -n 20 build-cov/test.log; exit 1; }
	@sh tools/coverage.sh build-cov | tee build-cov/coverage.txt

# The golden tests under valgrind: any error or leak fails.
valgrind: $(KSPLIT)
	@$(MAKE) --no-print-directory golden KSPLIT_CMD="tests/valgrind-ksplit.sh $(KSPLIT)"

KSPLIT_CMD ?= $(KSPLIT)

# The HWPX reader's text against the corpus's gold.txt (needs ../shared).
hwpx-check: $(BUILD)/extract_dump
	@sh tests/hwpx_check.sh ../shared/corpus/govpress $(BUILD)/extract_dump

# Every figure of the shared evaluation scripts (needs ../shared).
eval: $(KSPLIT)
	@sh tools/eval.sh $(KSPLIT)

# ---- set-up, demo, install ------------------------------------------------

deps:
	@sh tools/bootstrap.sh

demo: all
	@echo "ksplit --pretty samples/daegu-gwangju-lecture.txt:"
	@$(KSPLIT) --pretty samples/daegu-gwangju-lecture.txt

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(KSPLIT) $(DESTDIR)$(BINDIR)/ksplit
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libksplit.a
	install -m 755 $(LIBSO) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libksplit.so
	install -m 644 src/ksplit.h $(DESTDIR)$(INCDIR)/ksplit.h
	install -m 644 doc/ksplit.1 $(DESTDIR)$(MANDIR)/man1/ksplit.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@INCDIR@|$(INCDIR)|g' \
	    -e 's|@VERSION@|'"$$(sed -n 's/^#define KSPLIT_VERSION "\(.*\)"/\1/p' src/ksplit.h)"'|g' \
	    -e 's|@PKGS@|$(LIB_PKGS)|g' ksplit.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/ksplit.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ksplit $(DESTDIR)$(LIBDIR)/libksplit.a $(DESTDIR)$(INCDIR)/ksplit.h \
	    $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libksplit.so \
	    $(DESTDIR)$(MANDIR)/man1/ksplit.1 $(DESTDIR)$(LIBDIR)/pkgconfig/ksplit.pc

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/unit/*.h

lint:
	cppcheck --quiet --enable=warning,performance,portability --std=c11 --error-exitcode=1 \
	    --suppress=missingIncludeSystem -Isrc $(filter-out src/respace_model.c src/respace_lexicon.c src/cp949_table.c,$(wildcard src/*.c))

clean:
	rm -rf build build-*

help:
	@echo "make            build build/ksplit, build/libksplit.a and build/libksplit.so.1"
	@echo "make deps       install the Debian packages the build and tests need (as root)"
	@echo "make demo       build and run ksplit on samples/"
	@echo "make test       unit, golden, streaming, schema, I/O, batch, variants and shared-library tests"
	@echo "make check      test + ASan/UBSan + valgrind + pathological inputs + fuzz smoke"
	@echo "make coverage   line coverage of make test and the pathological inputs (gcov)"
	@echo "make bench      throughput and memory benchmark"
	@echo "make eval       every figure of ../shared/eval on ../shared/corpus"
	@echo "make fuzz       libFuzzer targets, FUZZTIME seconds each"
	@echo "make install    PREFIX=/usr/local DESTDIR= : binary, libraries, header, man page, pkg-config"
	@echo "make format | lint | clean"
