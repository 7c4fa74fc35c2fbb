# Handout's entry points. Each target installs what is missing first.
SWIFT ?= swift
ARTICLE := articles/hemifacial-spasm.yaml
BIN := .build/release/handout

.PHONY: setup build demo test bench profile clean tsan

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product handout
	$(SWIFT) build -c release --product handout-server

DOCS := handout checklist diary-week diary-month summary roadmap card \
        treatment-planner health-record caregiver prevention recovery nutrition

# The sample pack: every document of the sample article, in every language mode, on A4
# and US Letter, into output/.
demo: build
	@for doc in $(DOCS); do for lang in en bn en+bn; do for paper in a4 letter; do \
	  $(BIN) render $(ARTICLE) --doc $$doc --lang $$lang --paper $$paper || exit 1; \
	done; done; done

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: setup
	$(SWIFT) build -c release --product handout-bench
	.build/release/handout-bench $(ARTICLE)

# The print service's tests under ThreadSanitizer, in a build folder of their own.
tsan: setup
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter HandoutServerTests

clean:
	rm -rf .build output/*.pdf output/*.png

# Where the time goes, in instructions (repeatable on a busy machine): callgrind over five
# renders of the handout and five of the floor, bilingual. valgrind 3.19 cannot read
# Swift's DWARF 5, so it profiles a copy without debug sections (symbols stay).
PROFILE_MODE ?= en+bn
profile: setup
	$(SWIFT) build -c release --product handout-bench
	objcopy --strip-debug .build/release/handout-bench .build/handout-bench-profile
	for what in handout floor; do \
	  valgrind --tool=callgrind --callgrind-out-file=output/callgrind-$$what.out \
	    .build/handout-bench-profile --profile $$what $(PROFILE_MODE) 5 $(ARTICLE) 2>&1 | grep refs; \
	done
	callgrind_annotate --inclusive=yes output/callgrind-handout.out | head -60
