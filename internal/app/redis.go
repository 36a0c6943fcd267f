package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/redact"
)

// Topology is the kind of Redis deployment a URL names.
type Topology string

const (
	TopologySingle   Topology = "single"
	TopologySentinel Topology = "sentinel"
	TopologyCluster  Topology = "cluster"
)

// ConnectRedis opens a client for the URL raw (see ParseRedisURL).
func ConnectRedis(ctx context.Context, raw string) (redis.UniversalClient, error) {
	opts, _, err := ParseRedisURL(raw)
	if err != nil {
		return nil, err
	}
	return redis.NewUniversalClient(opts), nil
}

// IsSentinelClient reports whether rdb reaches its primary through
// Sentinel (a go-redis failover client, as ConnectRedis opens for a
// Sentinel URL): there the desk waits for a replica by default
// (redis.wait_replicas).
func IsSentinelClient(rdb redis.UniversalClient) bool {
	c, ok := rdb.(*redis.Client)
	// go-redis names a failover client's address so; nothing else does.
	return ok && c.Options().Addr == "FailoverClient"
}

// ParseRedisURL reads a Redis URL into go-redis universal options:
//
//	redis://[user:pass@]host:port[/db]                one server (rediss:// for TLS)
//	redis://[user:pass@]h1:port,h2:port[/db]?master=name
//	                                                  Sentinel: the sentinels' addresses and the
//	                                                  master's name (rediss:// for TLS to both)
//	redis+sentinel://... , rediss+sentinel://...      the same, said explicitly
//	redis+cluster://[user:pass@]h1:port,h2:port       Cluster (rediss+cluster:// for TLS)
//
// For Sentinel the user and password are the master's (and replicas');
// the sentinels' own are the query parameters sentinel_username and
// sentinel_password; skip_verify=true turns TLS certificate checks off
// (test servers only). A single server and a Cluster take go-redis's
// query parameters. Errors never repeat the URL, which may hold a
// password.
func ParseRedisURL(raw string) (*redis.UniversalOptions, Topology, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error quotes the whole URL, password included, and its
		// detail a piece of it ("invalid port \":<password>\"" when the
		// password holds a slash): redact both.
		return nil, "", redact.Error(fmt.Errorf("redis url (credentials not shown): %w", err), raw)
	}
	base, kind, _ := strings.Cut(u.Scheme, "+")
	if base != "redis" && base != "rediss" {
		return nil, "", fmt.Errorf("redis url: scheme %q: want redis, rediss, redis+sentinel or redis+cluster", u.Scheme)
	}
	var (
		opts *redis.UniversalOptions
		top  Topology
	)
	switch {
	case kind == "cluster":
		opts, err = clusterOptions(u, base)
		top = TopologyCluster
	case kind == "sentinel" || u.Query().Has("master") || strings.Contains(u.Host, ","):
		opts, err = sentinelOptions(u, base)
		top = TopologySentinel
	case kind == "":
		opts, err = singleOptions(u)
		top = TopologySingle
	default:
		return nil, "", fmt.Errorf("redis url: scheme %q: want redis, rediss, redis+sentinel or redis+cluster", u.Scheme)
	}
	if err != nil {
		return nil, "", redact.Error(err, raw)
	}
	opts.DialTimeout = 5 * time.Second
	opts.ContextTimeoutEnabled = true
	opts.ReadTimeout = 10 * time.Second
	opts.WriteTimeout = 10 * time.Second
	return opts, top, nil
}

func singleOptions(u *url.URL) (*redis.UniversalOptions, error) {
	o, err := redis.ParseURL(u.String())
	if err != nil {
		return nil, fmt.Errorf("redis url: %w", err)
	}
	return &redis.UniversalOptions{
		Addrs: []string{o.Addr}, Username: o.Username, Password: o.Password,
		DB: o.DB, TLSConfig: o.TLSConfig,
	}, nil
}

func clusterOptions(u *url.URL, scheme string) (*redis.UniversalOptions, error) {
	if db, err := pathDB(u.Path); err != nil {
		return nil, err
	} else if db != 0 {
		return nil, fmt.Errorf("redis url: database %d: a Redis Cluster has only database 0", db)
	}
	v := *u
	v.Scheme = scheme
	v.Path = ""
	hosts := strings.Split(u.Host, ",")
	q := u.Query()
	for _, h := range hosts[1:] {
		q.Add("addr", h)
	}
	v.Host = hosts[0]
	v.RawQuery = q.Encode()
	co, err := redis.ParseClusterURL(v.String())
	if err != nil {
		return nil, fmt.Errorf("redis cluster url: %w", err)
	}
	return &redis.UniversalOptions{
		Addrs: co.Addrs, Username: co.Username, Password: co.Password, TLSConfig: co.TLSConfig,
		IsClusterMode: true,
	}, nil
}

// sentinelOptions keeps what the old parser dropped: TLS (rediss) and the
// database number.
func sentinelOptions(u *url.URL, scheme string) (*redis.UniversalOptions, error) {
	q := u.Query()
	master := q.Get("master")
	if master == "" {
		master = q.Get("master_name")
	}
	if master == "" {
		return nil, errors.New("redis sentinel url: the master's name is missing (?master=NAME)")
	}
	var addrs []string
	for _, h := range strings.Split(u.Host, ",") {
		addr, err := hostPort(h, "26379")
		if err != nil {
			return nil, fmt.Errorf("redis sentinel url: %w", err)
		}
		addrs = append(addrs, addr)
	}
	db, err := pathDB(u.Path)
	if err != nil {
		return nil, err
	}
	if s := q.Get("db"); s != "" {
		if db, err = strconv.Atoi(s); err != nil || db < 0 {
			return nil, fmt.Errorf("redis sentinel url: database %q is not a number", s)
		}
	}
	pass, _ := u.User.Password()
	o := &redis.UniversalOptions{
		Addrs: addrs, MasterName: master, DB: db,
		Username: u.User.Username(), Password: pass,
		SentinelUsername: q.Get("sentinel_username"), SentinelPassword: q.Get("sentinel_password"),
	}
	skip := false
	if s := q.Get("skip_verify"); s != "" {
		if skip, err = strconv.ParseBool(s); err != nil {
			return nil, fmt.Errorf("redis sentinel url: skip_verify=%q: want true or false", s)
		}
	}
	if scheme == "rediss" {
		// No ServerName: each connection checks the certificate against
		// the address it dials (a sentinel, then the master it names).
		o.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: skip}
	} else if skip {
		return nil, errors.New("redis sentinel url: skip_verify needs rediss://")
	}
	for k := range q {
		switch k {
		case "master", "master_name", "db", "sentinel_username", "sentinel_password", "skip_verify":
		default:
			return nil, fmt.Errorf("redis sentinel url: unknown parameter %q", k)
		}
	}
	return o, nil
}

// pathDB reads the database number from a URL path ("", "/", "/3").
func pathDB(p string) (int, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return 0, nil
	}
	db, err := strconv.Atoi(p)
	if err != nil || db < 0 {
		return 0, fmt.Errorf("redis url: database %q is not a number", p)
	}
	return db, nil
}

func hostPort(h, defPort string) (string, error) {
	if h == "" {
		return "", errors.New("an empty address")
	}
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		// No port given.
		host, port = strings.Trim(h, "[]"), defPort
	}
	if host == "" {
		return "", fmt.Errorf("address %q has no host", h)
	}
	if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 {
		return "", fmt.Errorf("address %q: bad port", h)
	}
	return net.JoinHostPort(host, port), nil
}
