// Package ops is the desk's operations side: Prometheus metrics, the
// liveness and readiness probes, and the listener that serves them without
// a session (Prometheus and load balancers cannot sign in).
//
// The other packages do not import Prometheus. They report through plain
// callbacks the app wires to a Metrics (ObserveOutcome, ObserveHTTP,
// Reloaded), or ops reads their state when scraped (worker status, outbox
// counts in Redis, the events stream for SLA transitions).
package ops

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// Outcomes a committed message can have (the messages_total label).
var Outcomes = []string{"enquiry", "followup", "automatic", "quarantined", "duplicate"}

// Clocks are the SLA clocks (the clock label).
var Clocks = []string{"acknowledge", "first_response", "next_response", "resolution", "deadline"}

// FolderStatus is one watched mailbox folder as the metrics and readiness
// see it.
type FolderStatus struct {
	Mailbox, Folder string
	// Held: this replica holds the folder's lease and runs its worker
	// (another replica runs it otherwise, and it is not this one's concern).
	Held      bool
	Connected bool
	// LastSync is the end of the last successful catch-up.
	LastSync time.Time
	// Backoff is the wait before the next connection attempt and RetryAt
	// when it is due (zero while connected).
	Backoff time.Duration
	RetryAt time.Time
	// MaxBackoff is the longest reconnect wait (the worker's cap).
	MaxBackoff time.Duration
	// Since is when this replica took the folder's lease.
	Since     time.Time
	LastError string
}

// OutboxStats is the outbox as scraped from Redis.
type OutboxStats struct {
	// Jobs per state (queued, sending, retrying, sent, failed, suppressed).
	Jobs map[string]int64
	// OldestQueued is the age of the oldest entry not yet handled (0: none).
	OldestQueued time.Duration
	// DeadLetters are entries set aside after repeated failures.
	DeadLetters int64
}

// Sources are what the metrics read when scraped. Any may be nil.
type Sources struct {
	Folders func() []FolderStatus
	Outbox  func(ctx context.Context) (OutboxStats, error)
	// InHours reports whether t is within desk hours (sla.Hours.In).
	InHours func(t time.Time) bool
	// Ready is what /readyz checks (Readiness.Check), as a gauge too.
	Ready func(ctx context.Context) []string
}

// Metrics holds the desk's series.
type Metrics struct {
	Registry *prometheus.Registry

	clock    clock.Clock
	log      *slog.Logger
	arrival  prometheus.Histogram
	messages *prometheus.CounterVec
	sla      *prometheus.CounterVec
	http     *prometheus.HistogramVec
	reloadOK prometheus.Gauge
	reloadAt prometheus.Gauge
	restart  prometheus.Gauge
	started  time.Time

	lastMessage atomic.Int64 // unix nanoseconds
	mu          sync.Mutex
	src         Sources
}

// NewMetrics registers every series on a fresh registry (with the Go
// runtime and process collectors).
func NewMetrics(c clock.Clock, log *slog.Logger) *Metrics {
	if c == nil {
		c = clock.Real{}
	}
	if log == nil {
		log = slog.Default()
	}
	m := &Metrics{Registry: prometheus.NewRegistry(), clock: c, log: log, started: c.Now()}
	m.arrival = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "mediadesk_ingest_arrival_to_commit_seconds",
		Help:    "From a message's arrival in the mailbox (IMAP INTERNALDATE, whole seconds) to its enquiry being committed in Redis.",
		Buckets: []float64{0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600},
	})
	m.messages = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mediadesk_messages_total",
		Help: "Messages committed by this replica, by outcome (enquiry, followup, automatic, quarantined, duplicate).",
	}, []string{"outcome"})
	m.sla = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mediadesk_sla_transitions_total",
		Help: "SLA clock transitions seen on the desk's events stream since this process started (desk-wide: every replica sees all of them; use max() across replicas), by transition (warned, breached, escalated) and clock.",
	}, []string{"transition", "clock"})
	m.http = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "mediadesk_http_request_duration_seconds",
		Help:    "Dashboard and API request latency by route pattern (never the raw path) and status class.",
		Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
	}, []string{"route", "code"})
	m.reloadOK = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mediadesk_config_last_reload_success",
		Help: "1 if the last configuration reload was applied, 0 if it was refused (the previous configuration keeps running).",
	})
	m.reloadAt = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mediadesk_config_last_reload_timestamp_seconds",
		Help: "Unix time of the last configuration reload attempt (the start time before any).",
	})
	m.restart = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mediadesk_config_restart_required",
		Help: "1 when the configuration file changed settings that only a restart applies (listen addresses, mailboxes, Redis, SMTP).",
	})
	m.reloadOK.Set(1)
	m.reloadAt.Set(float64(m.started.Unix()))
	for _, o := range Outcomes {
		m.messages.WithLabelValues(o)
	}
	for _, tr := range []string{"warned", "breached", "escalated"} {
		for _, c := range Clocks {
			m.sla.WithLabelValues(tr, c)
		}
	}
	m.lastMessage.Store(m.started.UnixNano())
	m.Registry.MustRegister(m.arrival, m.messages, m.sla, m.http, m.reloadOK, m.reloadAt, m.restart,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&scrape{m: m})
	return m
}

// SetSources sets what is read at scrape time.
func (m *Metrics) SetSources(s Sources) {
	m.mu.Lock()
	m.src = s
	m.mu.Unlock()
}

func (m *Metrics) sources() Sources {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.src
}

// ObserveOutcome records one committed message: its outcome kind as the
// store reports it, and when it arrived (zero: unknown).
func (m *Metrics) ObserveOutcome(kind string, arrived time.Time) {
	outcome := kind
	if strings.HasPrefix(kind, "dup") {
		outcome = "duplicate"
	}
	m.messages.WithLabelValues(outcome).Inc()
	now := m.clock.Now()
	if outcome == "duplicate" {
		return
	}
	m.lastMessage.Store(now.UnixNano())
	if !arrived.IsZero() {
		m.arrival.Observe(max(now.Sub(arrived).Seconds(), 0))
	}
}

// ObserveSLA records one clock transition (warned, breached, escalated).
func (m *Metrics) ObserveSLA(transition, clockName string) {
	if clockName == "" {
		clockName = "unknown"
	}
	m.sla.WithLabelValues(transition, clockName).Inc()
}

// ObserveHTTP records one request's latency under its route pattern.
func (m *Metrics) ObserveHTTP(route string, status int, took time.Duration) {
	code := "5xx"
	switch {
	case status < 200:
		code = "1xx"
	case status < 300:
		code = "2xx"
	case status < 400:
		code = "3xx"
	case status < 500:
		code = "4xx"
	}
	m.http.WithLabelValues(route, code).Observe(took.Seconds())
}

// Reloaded records a configuration reload attempt.
func (m *Metrics) Reloaded(ok, needsRestart bool) {
	m.reloadAt.Set(float64(m.clock.Now().Unix()))
	if ok {
		m.reloadOK.Set(1)
	} else {
		m.reloadOK.Set(0)
	}
	if needsRestart {
		m.restart.Set(1)
	}
}

// scrape reads the sources at scrape time.
type scrape struct{ m *Metrics }

var (
	descConnected = prometheus.NewDesc("mediadesk_mailbox_connected",
		"1 while the folder's IMAP connection is up (only on the replica holding the folder's lease).", []string{"mailbox", "folder"}, nil)
	descLease = prometheus.NewDesc("mediadesk_mailbox_lease_held",
		"1 when this replica holds the folder's lease and runs its worker.", []string{"mailbox", "folder"}, nil)
	descLastSync = prometheus.NewDesc("mediadesk_mailbox_last_sync_timestamp_seconds",
		"Unix time of the folder's last successful catch-up (0: none since start).", []string{"mailbox", "folder"}, nil)
	descBackoff = prometheus.NewDesc("mediadesk_mailbox_backoff_seconds",
		"The wait before the folder's next connection attempt (0 while connected).", []string{"mailbox", "folder"}, nil)
	descJobs = prometheus.NewDesc("mediadesk_outbox_jobs",
		"Outbox jobs by state (queued, sending, retrying, sent, failed, suppressed).", []string{"state"}, nil)
	descDepth = prometheus.NewDesc("mediadesk_outbox_depth",
		"Outbox jobs not yet delivered (queued + sending + retrying).", nil, nil)
	descOldest = prometheus.NewDesc("mediadesk_outbox_oldest_queued_seconds",
		"Age of the oldest outbox entry not yet handled (0: none waiting).", nil, nil)
	descDead = prometheus.NewDesc("mediadesk_outbox_dead_letters",
		"Outbox entries set aside in outbound:dead after repeated failures.", nil, nil)
	descRedisUp = prometheus.NewDesc("mediadesk_outbox_scrape_ok",
		"1 if the outbox figures could be read from Redis at this scrape.", nil, nil)
	descInHours = prometheus.NewDesc("mediadesk_desk_in_hours",
		"1 while the desk is in hours (a weekday day shift is on).", nil, nil)
	descReady = prometheus.NewDesc("mediadesk_ready",
		"1 when /readyz would answer ready (Redis reachable, every folder this replica runs connected or within its backoff).", nil, nil)
	descQuiet = prometheus.NewDesc("mediadesk_desk_quiet_seconds",
		"In desk hours: seconds since the last message was committed (or since this process started); 0 out of hours.", nil, nil)
)

func (s *scrape) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descConnected, descLease, descLastSync, descBackoff, descJobs, descDepth,
		descOldest, descDead, descRedisUp, descInHours, descQuiet, descReady} {
		ch <- d
	}
}

func (s *scrape) Collect(ch chan<- prometheus.Metric) {
	src := s.m.sources()
	now := s.m.clock.Now()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	if src.Folders != nil {
		for _, f := range src.Folders() {
			gauge(descLease, b2f(f.Held), f.Mailbox, f.Folder)
			gauge(descConnected, b2f(f.Connected), f.Mailbox, f.Folder)
			sync := 0.0
			if !f.LastSync.IsZero() {
				sync = float64(f.LastSync.Unix())
			}
			gauge(descLastSync, sync, f.Mailbox, f.Folder)
			gauge(descBackoff, f.Backoff.Seconds(), f.Mailbox, f.Folder)
		}
	}
	if src.Outbox != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		st, err := src.Outbox(ctx)
		cancel()
		if err != nil {
			s.m.log.Warn("metrics: outbox figures unavailable", "err", err)
			gauge(descRedisUp, 0)
		} else {
			gauge(descRedisUp, 1)
			var depth int64
			for _, state := range []string{"queued", "sending", "retrying", "sent", "failed", "suppressed"} {
				gauge(descJobs, float64(st.Jobs[state]), state)
			}
			depth = st.Jobs["queued"] + st.Jobs["sending"] + st.Jobs["retrying"]
			gauge(descDepth, float64(depth))
			gauge(descOldest, st.OldestQueued.Seconds())
			gauge(descDead, float64(st.DeadLetters))
		}
	}
	if src.Ready != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		gauge(descReady, b2f(len(src.Ready(ctx)) == 0))
		cancel()
	}
	if src.InHours != nil {
		in := src.InHours(now)
		gauge(descInHours, b2f(in))
		quiet := 0.0
		if in {
			quiet = max(now.Sub(time.Unix(0, s.m.lastMessage.Load())).Seconds(), 0)
		}
		gauge(descQuiet, quiet)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
