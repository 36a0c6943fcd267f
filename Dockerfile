# syntax=docker/dockerfile:1
#
# mediadesk as a container: a static Go binary on distroless/static, run as
# a non-root user. Build:   docker build -t mediadesk .
# Run:     see compose.yaml and docs/operations.md.

FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first, so a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The static build. .ci/run runs this exact line (it finds it by its
# "static build" marker), so the command the image uses is checked on every
# CI run even where no image can be built. timetzdata embeds the zone
# database: the desk's time zone works without /usr/share/zoneinfo.
# static build
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags "-s -w" -o bin/mediadesk ./cmd/mediadesk

# distroless/static: CA certificates (IMAP, SMTP, OAuth2 over TLS), /etc/passwd
# with the nonroot user (65532), no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/mediadesk /usr/local/bin/mediadesk
USER 65532:65532
# 8080: dashboard and API (web.listen); 9464: /metrics, /healthz, /readyz
# (ops.listen). Both default to 127.0.0.1, so a container's desk.yaml sets
# them to 0.0.0.0 (see packaging/try/desk.yaml).
EXPOSE 8080 9464
ENTRYPOINT ["/usr/local/bin/mediadesk"]
CMD ["serve", "--config", "/etc/mediadesk/desk.yaml", "--log-json"]
