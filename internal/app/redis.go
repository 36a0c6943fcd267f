package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// ConnectRedis opens a client for url:
//
//	redis://[user:pass@]host:port/db        one server (rediss:// for TLS)
//	redis://host1:port,host2:port/?master=name   Sentinel, master "name"
//	redis+cluster://host1:port,host2:port   Cluster
//
// go-redis's universal client covers all three.
func ConnectRedis(ctx context.Context, raw string) (redis.UniversalClient, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("redis url: %w", err)
	}
	var opts redis.UniversalOptions
	switch {
	case u.Scheme == "redis+cluster" || u.Scheme == "rediss+cluster":
		u.Scheme = strings.TrimSuffix(u.Scheme, "+cluster")
		co, err := redis.ParseClusterURL(hostsToAddrParams(u))
		if err != nil {
			return nil, fmt.Errorf("redis cluster url: %w", err)
		}
		opts = redis.UniversalOptions{Addrs: co.Addrs, Username: co.Username, Password: co.Password, TLSConfig: co.TLSConfig}
		opts.IsClusterMode = true
	case strings.Contains(u.Host, ",") || u.Query().Get("master") != "":
		pass, _ := u.User.Password()
		opts = redis.UniversalOptions{
			Addrs: strings.Split(u.Host, ","), MasterName: u.Query().Get("master"),
			Username: u.User.Username(), Password: pass,
		}
	default:
		o, err := redis.ParseURL(raw)
		if err != nil {
			return nil, fmt.Errorf("redis url: %w", err)
		}
		opts = redis.UniversalOptions{
			Addrs: []string{o.Addr}, Username: o.Username, Password: o.Password,
			DB: o.DB, TLSConfig: o.TLSConfig,
		}
	}
	opts.DialTimeout = 5 * time.Second
	opts.ContextTimeoutEnabled = true
	opts.ReadTimeout = 10 * time.Second
	opts.WriteTimeout = 10 * time.Second
	rdb := redis.NewUniversalClient(&opts)
	return rdb, nil
}

// hostsToAddrParams rewrites redis://h1,h2 into the addr= form
// ParseClusterURL takes.
func hostsToAddrParams(u *url.URL) string {
	hosts := strings.Split(u.Host, ",")
	q := u.Query()
	for _, h := range hosts[1:] {
		q.Add("addr", h)
	}
	v := *u
	v.Host = hosts[0]
	v.RawQuery = q.Encode()
	return v.String()
}
