package app

import (
	"strings"
	"testing"
)

func TestParseRedisURL(t *testing.T) {
	type want struct {
		top                Topology
		addrs              []string
		master             string
		db                 int
		user, pass         string
		sentUser, sentPass string
		tls, skipVerify    bool
	}
	tests := []struct {
		name, url string
		want      want
	}{
		{"single", "redis://127.0.0.1:6379/0", want{top: TopologySingle, addrs: []string{"127.0.0.1:6379"}}},
		{"single db and password", "redis://u:p%40ss@r.example:6380/4", want{top: TopologySingle, addrs: []string{"r.example:6380"}, db: 4, user: "u", pass: "p@ss"}},
		{"single TLS", "rediss://r.example:6380/2", want{top: TopologySingle, addrs: []string{"r.example:6380"}, db: 2, tls: true}},
		{"sentinel", "redis://s1:26379,s2:26380/?master=mymaster", want{top: TopologySentinel, addrs: []string{"s1:26379", "s2:26380"}, master: "mymaster"}},
		{"sentinel keeps the database", "redis://s1:26379,s2:26380/5?master=mymaster", want{top: TopologySentinel, addrs: []string{"s1:26379", "s2:26380"}, master: "mymaster", db: 5}},
		{"sentinel keeps TLS", "rediss://u:pw@s1:26379,s2:26380/3?master=mymaster", want{top: TopologySentinel, addrs: []string{"s1:26379", "s2:26380"}, master: "mymaster", db: 3, user: "u", pass: "pw", tls: true}},
		{"one sentinel", "rediss://s1/7?master=m&skip_verify=true", want{top: TopologySentinel, addrs: []string{"s1:26379"}, master: "m", db: 7, tls: true, skipVerify: true}},
		{"sentinel db as parameter", "redis://s1:1,s2:2?master=m&db=9", want{top: TopologySentinel, addrs: []string{"s1:1", "s2:2"}, master: "m", db: 9}},
		{"sentinel credentials", "redis+sentinel://:mpw@s1:1,s2:2/1?master=m&sentinel_username=su&sentinel_password=spw", want{top: TopologySentinel, addrs: []string{"s1:1", "s2:2"}, master: "m", db: 1, pass: "mpw", sentUser: "su", sentPass: "spw"}},
		{"sentinel explicit TLS", "rediss+sentinel://s1:1/2?master_name=m", want{top: TopologySentinel, addrs: []string{"s1:1"}, master: "m", db: 2, tls: true}},
		{"cluster", "redis+cluster://c1:7000,c2:7001,c3:7002", want{top: TopologyCluster, addrs: []string{"c1:7000", "c2:7001", "c3:7002"}}},
		{"cluster TLS and password", "rediss+cluster://u:pw@c1:7000,c2:7001/", want{top: TopologyCluster, addrs: []string{"c1:7000", "c2:7001"}, user: "u", pass: "pw", tls: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, top, err := ParseRedisURL(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			got := want{top: top, addrs: o.Addrs, master: o.MasterName, db: o.DB, user: o.Username, pass: o.Password,
				sentUser: o.SentinelUsername, sentPass: o.SentinelPassword, tls: o.TLSConfig != nil,
				skipVerify: o.TLSConfig != nil && o.TLSConfig.InsecureSkipVerify}
			if strings.Join(got.addrs, ",") != strings.Join(w.addrs, ",") {
				t.Errorf("addrs %v, want %v", got.addrs, w.addrs)
			}
			got.addrs, w.addrs = nil, nil
			if got.top != w.top || got.master != w.master || got.db != w.db || got.user != w.user || got.pass != w.pass ||
				got.sentUser != w.sentUser || got.sentPass != w.sentPass || got.tls != w.tls || got.skipVerify != w.skipVerify {
				t.Errorf("got %+v\nwant %+v", got, w)
			}
			if top == TopologyCluster && !o.IsClusterMode {
				t.Error("cluster URL without cluster mode")
			}
			if o.TLSConfig != nil && top == TopologySentinel && o.TLSConfig.ServerName != "" {
				t.Errorf("sentinel TLS pinned to server name %q: the master's address would fail verification", o.TLSConfig.ServerName)
			}
		})
	}
}

func TestParseRedisURLErrors(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"scheme", "http://r:1", "scheme"},
		{"sentinel without master", "redis+sentinel://s1:1,s2:2", "master"},
		{"sentinel bad db", "redis://s1:1,s2:2/x?master=m", "database"},
		{"sentinel unknown parameter", "redis://s1:1?master=m&pool=3", "unknown parameter"},
		{"sentinel skip_verify without TLS", "redis://s1:1?master=m&skip_verify=true", "rediss"},
		{"sentinel bad port", "redis://s1:99999?master=m", "port"},
		{"cluster database", "redis+cluster://c1:1,c2:2/3", "only database 0"},
		{"unparsable, password not shown", "redis://u:secret@h:1/%zz", "not shown"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ParseRedisURL(tc.url)
			if err == nil {
				t.Fatalf("%s: no error", tc.url)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error repeats the password: %v", err)
			}
		})
	}
}
