# ksplit -- plain make with pkg-config.  `make help` lists the targets.

PREFIX   ?= /usr/local
DESTDIR  ?=
PKGS     := jansson libxml-2.0 libutf8proc libzip
CC       ?= cc
WARN     := -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
CFLAGS   ?=
ifdef WERROR
WARN     += -Werror
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(OPT) $(PKG_CFLAGS) -Isrc $(CFLAGS)
LDLIBS     += $(PKG_LIBS) -lpthread

BUILD    ?= build
STUBS    := $(if $(wildcard src/html.c),src/stub_html.c) $(if $(wildcard src/hwpx.c),src/stub_hwpx.c)
LIB_SRC  := $(filter-out src/main.c src/batch.c $(STUBS),$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/schema_data.o
CLI_OBJ  := $(BUILD)/main.o $(if $(wildcard src/batch.c),$(BUILD)/batch.o)
LIBA     := $(BUILD)/libksplit.a
KSPLIT   := $(BUILD)/ksplit

.PHONY: all clean test check demo deps help
all: $(KSPLIT)

$(BUILD)/%.o: src/%.c src/internal.h src/ksplit.h | $(BUILD)
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

$(KSPLIT): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LDFLAGS) $(LDLIBS)

clean:
	rm -rf build build-*
