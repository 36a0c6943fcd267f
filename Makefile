# Convenience targets; each is one plain command you can also run by hand.
SHARED ?= ../shared

.PHONY: demo test test-real vet score score-heldout score-unseen bench-ingest bench fuzz tune

demo:            ## run the whole desk in-process (embedded IMAP and Redis)
	go run ./cmd/mediadesk demo

test:            ## the test suite (real redis-server and Dovecot when installed)
	go test ./...

test-real:       ## as CI: a missing redis-server or Dovecot is a failure
	MEDIADESK_REQUIRE_REAL=1 go test ./...

vet:
	go vet ./...

score:           ## score linking and routing on the labelled sample enquiries (all, odd, even halves)
	scripts/score-route.sh $(SHARED)

tune:            ## routing's tuning tools on the shared samples (they only report): TUNE=calibrate|topics|explain-links|explain-topics
	go run ./bench/tune -shared $(SHARED)/data $(or $(TUNE),calibrate)

score-unseen:    ## measure (never tune) on every unseen check set: per set, pooled and by language, with 95 % intervals
	go run ./bench/langscore -config $(SHARED)/data/desk.yaml routing/testdata/heldout routing/testdata/multilingual:even $(sort $(wildcard routing/testdata/mlcheck*) $(wildcard routing/testdata/encheck*))

bench-ingest:    ## pickup latency and backlog throughput against real Dovecot and Redis
	go run ./bench/ingest

bench:           ## micro-benchmarks (routing, parsing, deadline)
	go test -run XXX -bench . -benchmem ./routing ./deadline ./mailparse

fuzz:            ## a minute of fuzzing for each parser
	go test -run XXX -fuzz FuzzParse -fuzztime 1m ./mailparse
	go test -run XXX -fuzz FuzzExtractDeadline -fuzztime 1m ./deadline
	go test -run XXX -fuzz FuzzRoute -fuzztime 1m ./routing
	go test -run XXX -fuzz FuzzParse -fuzztime 1m ./config

score-heldout:   ## measure (never tune) on enquiries written by an evaluator who did not see the code
	go run ./cmd/mediadesk route --config $(SHARED)/data/desk.yaml routing/testdata/heldout/*.eml > /tmp/heldout.jsonl || true
	$(SHARED)/tools/score-route --desk $(SHARED)/data/desk.yaml routing/testdata/heldout/labels.jsonl /tmp/heldout.jsonl
