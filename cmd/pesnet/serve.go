package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	port := fl.Int("port", 1313, "port on 127.0.0.1 (0 picks a free one)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v (try another --port)\n", err)
		return exitUsage
	}
	addr := "http://" + ln.Addr().String() + "/"
	s := serve.New(os.DirFS(*dir), build.Options{BaseURL: addr}, stderr)
	watcher := s.NewWatcher(*dir, 300*time.Millisecond) // before the build: a save during it is seen
	_, _ = s.Rebuild()
	fmt.Fprintf(stdout, "serving %s (Ctrl+C to stop); watching content/, layouts/, static/, i18n/ and netlify.toml\n", addr)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	done := make(chan struct{})
	go watcher.Run(done)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		close(done)
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}
