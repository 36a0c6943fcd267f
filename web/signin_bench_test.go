package web

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// BenchmarkSignedInPageDuringSignInFlood measures a signed-in officer's
// queue page while 300 clients keep sending wrong passwords, each attempt
// from a fresh address (so the limits do not stop them) against a users
// file of the production cost (PasswordCost, as `mediadesk passwd`
// writes). "slots=default" is the desk as configured (Options.LoginChecks:
// GOMAXPROCS password checks at once); "slots=unbounded" is every attempt
// checked at once, as before the check slots. ns/op is one page load.
//
//	go test ./web -run X -bench SignInFlood -benchtime 20x
func BenchmarkSignedInPageDuringSignInFlood(b *testing.B) {
	for _, bc := range []struct {
		name  string
		slots int
	}{{"slots=default", 0}, {"slots=unbounded", 100000}} {
		b.Run(bc.name, func(b *testing.B) {
			f := newFixtureOn(b, servertest.Redis(b), func(o *Options) {
				o.LoginChecks, o.LoginCheckWait = bc.slots, time.Second
				if err := WriteUsers(o.UsersFile, []string{"ann", "bob", "meg", "root"}, testPassword, PasswordCost); err != nil {
					b.Fatal(err)
				}
			})
			c := f.client().loginAs("ann")
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			var sent, busy atomic.Int64
			tok := f.loginFormToken()
			for g := range 300 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := 0; ctx.Err() == nil; k++ {
						rec := f.post(tok, signIn{user: fmt.Sprintf("flood%d", g), password: "not the password",
							peer: fmt.Sprintf("10.%d.%d.%d", g/250, g%250, k%250+1)})
						sent.Add(1)
						if rec.Code == http.StatusServiceUnavailable {
							busy.Add(1)
						}
					}
				}()
			}
			time.Sleep(time.Second) // the flood is on
			b.ResetTimer()
			for range b.N {
				if rec := c.get("/queues/mine"); rec.Code != 200 {
					b.Fatalf("page: %d", rec.Code)
				}
			}
			b.StopTimer()
			cancel()
			wg.Wait()
			b.ReportMetric(float64(sent.Load()), "sign-ins")
			b.ReportMetric(float64(busy.Load()), "busy-503s")
		})
	}
}
