package servers

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strconv"
)

// EnvRequireReal names the environment variable that, set to 1, makes a
// missing redis-server or dovecot binary an error instead of a fallback to
// the embedded server.
const EnvRequireReal = "MEDIADESK_REQUIRE_REAL"

// RequireReal reports whether MEDIADESK_REQUIRE_REAL is set to a true value
// ("1", "true").
func RequireReal() bool {
	v, err := strconv.ParseBool(os.Getenv(EnvRequireReal))
	return err == nil && v
}

// Choice is the decision between a real server and its embedded stand-in.
type Choice struct {
	// Real is true when the real server's binary was found.
	Real bool
	// Binary is the real server's path (when Real).
	Binary string
	// Reason says why the embedded server is used (when !Real).
	Reason string
}

// Choose decides between the real server, whose binary look finds, and the
// embedded stand-in. A missing binary is an error only when requireReal.
func Choose(look func() (string, error), requireReal bool) (Choice, error) {
	bin, err := look()
	if err == nil {
		return Choice{Real: true, Binary: bin}, nil
	}
	if requireReal {
		return Choice{}, fmt.Errorf("%s=1 requires the real server: %w", EnvRequireReal, err)
	}
	return Choice{Reason: err.Error()}, nil
}

// ChooseRedis applies Choose to redis-server and MEDIADESK_REQUIRE_REAL.
func ChooseRedis() (Choice, error) { return Choose(LookRedisServer, RequireReal()) }

// ChooseIMAP applies Choose to dovecot and MEDIADESK_REQUIRE_REAL.
func ChooseIMAP() (Choice, error) { return Choose(LookDovecot, RequireReal()) }

// StartRedis starts redis-server (data in dir) when it is installed and
// miniredis otherwise, unless MEDIADESK_REQUIRE_REAL=1.
func StartRedis(ctx context.Context, dir string, opts RedisOptions) (*Redis, error) {
	c, err := ChooseRedis()
	if err != nil {
		return nil, err
	}
	if c.Real {
		return StartRedisServer(ctx, dir, opts)
	}
	slog.Info("redis-server unavailable, using miniredis", "reason", c.Reason)
	return StartMiniredis()
}

// StartIMAP starts Dovecot (state in dir) when it is installed and the
// memory server otherwise, unless MEDIADESK_REQUIRE_REAL=1. The memory
// server takes Username, Password and Folders from opts.
func StartIMAP(ctx context.Context, dir string, opts DovecotOptions) (*IMAP, error) {
	c, err := ChooseIMAP()
	if err != nil {
		return nil, err
	}
	if c.Real {
		return StartDovecot(ctx, dir, opts)
	}
	slog.Info("dovecot unavailable, using the memory IMAP server", "reason", c.Reason)
	return StartMemIMAP(opts.Username, opts.Password, opts.Folders...)
}
