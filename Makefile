# staketop — build, test, bench, install.
#
#   make run      build and start the interface on the demo portfolio
#   make test     sanitizer build (ASan + UBSan) and every test
#   make bench    benchmarks (prints figures)
#   make fuzz     a bounded libFuzzer run per parser (clang)
#   make install  PREFIX=/usr/local DESTDIR=
#
# Missing Debian -dev packages are installed first (apt-get, through sudo
# when not root); the Makefile says so before it does.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR    := $(PREFIX)/bin
DATADIR   := $(PREFIX)/share/staketop
MANDIR    := $(PREFIX)/share/man/man1
BUILD     ?= build

CC        ?= cc
PKGS      := ncursesw libcurl libcjson sqlite3 inih
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: pricing/curl_load.c loads it on first use, so that
# commands which never fetch do not pay for its thirty-odd libraries.
PKG_LIBS   = $(shell pkg-config --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null) -ldl -lpthread

WARN      := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wundef -Wvla \
             -Wno-format-nonliteral
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. \
             -DSTAKETOP_VERSION='"$(VERSION)"' -DSTAKETOP_DATADIR='"$(DATADIR)"'
BASE_CFLAGS := -std=c11 $(WARN) -MMD -MP
REL_CFLAGS  := $(BASE_CFLAGS) -O2 -g
SAN_FLAGS   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_CFLAGS  := $(BASE_CFLAGS) -O1 -g $(SAN_FLAGS)

LIB_SRC   := $(wildcard positions/*.c) $(wildcard data/*.c) $(wildcard pricing/*.c) $(wildcard pricing/chains/*.c) \
             $(filter-out tui/cli/main.c,$(sort $(shell find tui -name '*.c')))
MAIN_SRC  := tui/cli/main.c
TEST_SRC  := $(sort $(shell find tests -name 'test_*.c'))
TOOL_SRC  := $(wildcard tests/tools/*.c)
BENCH_SRC := $(wildcard tests/bench/*.c)
FUZZ_SRC  := $(wildcard tests/fuzz/fuzz_*.c)

REL_OBJ   := $(LIB_SRC:%.c=$(BUILD)/rel/%.o)
SAN_OBJ   := $(LIB_SRC:%.c=$(BUILD)/san/%.o)
BIN       := $(BUILD)/staketop
SAN_BIN   := $(BUILD)/san/staketop
TEST_BINS := $(TEST_SRC:%.c=$(BUILD)/san/%)
TOOL_BINS := $(TOOL_SRC:%.c=$(BUILD)/rel/%)
BENCH_BINS:= $(BENCH_SRC:%.c=$(BUILD)/rel/%)

# Debian packages the build and the tests need, by what pkg-config or a
# command says is missing.
DEB_BUILD := pkg-config:pkg-config ncursesw:libncurses-dev libcurl:libcurl4-openssl-dev \
             libcjson:libcjson-dev sqlite3:libsqlite3-dev inih:libinih-dev
DEB_TEST  := cmocka:libcmocka-dev
DEB_CMDS  := tmux:tmux sqlite3:sqlite3 jq:jq

.PHONY: all run test bench fuzz install uninstall clean deps deps-test build-bin build-test build-bench
# keep test and tool objects between runs
.SECONDARY:

# The packages go in before anything is compiled, also under make -j: the
# build itself runs in a second make, started once the deps step is done
# (pkg-config is asked again there, after the install).
all: deps
	@$(MAKE) --no-print-directory build-bin

build-bin: $(BIN)

# --- dependencies -----------------------------------------------------------
deps:
	@$(call install_missing,$(DEB_BUILD),)

deps-test: deps
	@$(call install_missing,$(DEB_TEST),$(DEB_CMDS))

# $(1): pkg-config-name:debian-package pairs; $(2): command:debian-package pairs
define install_missing
missing=""; \
for pair in $(1); do mod=$${pair%%:*}; pkg=$${pair#*:}; \
  if [ "$$mod" = pkg-config ]; then command -v pkg-config >/dev/null 2>&1 || missing="$$missing $$pkg"; \
  elif ! pkg-config --exists "$$mod" 2>/dev/null; then missing="$$missing $$pkg"; fi; done; \
for pair in $(2); do cmd=$${pair%%:*}; pkg=$${pair#*:}; \
  command -v "$$cmd" >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
if [ -n "$$missing" ]; then \
  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
  echo "staketop: installing missing Debian packages:$$missing (apt-get -y$${sudo:+, through sudo})"; \
  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing \
    || { echo "staketop: could not install:$$missing" >&2; exit 1; }; \
fi
endef

# --- build ------------------------------------------------------------------
$(BIN): $(REL_OBJ) $(BUILD)/rel/tui/cli/main.o
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(SAN_BIN): $(SAN_OBJ) $(BUILD)/san/tui/cli/main.o
	@echo "  LD      $@"
	@$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/rel/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/san/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC san  $<"
	@$(CC) $(CPPFLAGS) $(SAN_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/san/tests/%: $(BUILD)/san/tests/%.o $(SAN_OBJ)
	@echo "  LD      $@"
	@$(CC) $(SAN_CFLAGS) -o $@ $^ $(PKG_LIBS) $(shell pkg-config --libs cmocka 2>/dev/null) -lm -lpthread

# tools (fixture server, data generators) need no interface code
$(BUILD)/rel/tests/tools/%: $(BUILD)/rel/tests/tools/%.o $(filter-out $(BUILD)/rel/tui/%,$(REL_OBJ))
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS) -lm -lpthread

$(BUILD)/rel/tests/bench/%: $(BUILD)/rel/tests/bench/%.o $(REL_OBJ)
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS) -lm -lpthread

# --- targets ----------------------------------------------------------------
run: all
	$(BIN) --demo

test: deps-test
	@$(MAKE) --no-print-directory build-test
	@BUILD=$(BUILD) sh tests/run-tests.sh

build-test: $(SAN_BIN) $(BIN) $(TEST_BINS) $(TOOL_BINS)

bench: deps-test
	@$(MAKE) --no-print-directory build-bench
	@BUILD=$(BUILD) sh tests/bench/run-bench.sh

build-bench: $(BIN) $(TOOL_BINS) $(BENCH_BINS)

FUZZ_PARSERS := $(filter-out tui/%,$(LIB_SRC))
fuzz: deps
	@command -v clang >/dev/null 2>&1 || { echo "staketop: installing clang for libFuzzer"; \
	  if [ "$$(id -u)" = 0 ]; then s=""; else s=sudo; fi; $$s apt-get install -y -qq clang; }
	@mkdir -p $(BUILD)/fuzz
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
	    -o $(BUILD)/fuzz/$$n $$f $(FUZZ_PARSERS) $(PKG_LIBS) -lm || exit 1; \
	  mkdir -p $(BUILD)/fuzz/corpus-$$n; \
	  echo "fuzz: $$n (60000 runs)"; \
	  $(BUILD)/fuzz/$$n -runs=60000 -max_len=65536 $(BUILD)/fuzz/corpus-$$n tests/fuzz/seeds/$${n#fuzz_} \
	    2>$(BUILD)/fuzz/$$n.log || { tail -40 $(BUILD)/fuzz/$$n.log; exit 1; }; \
	  tail -1 $(BUILD)/fuzz/$$n.log; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/staketop
	install -m 0644 data/assets.json data/demo.json data/snapshot.json $(DESTDIR)$(DATADIR)/
	install -m 0644 data/staketop.1 $(DESTDIR)$(MANDIR)/staketop.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/staketop $(DESTDIR)$(MANDIR)/staketop.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
