package main

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// figures are a generator's medians over the runs at one N.
type figures struct {
	Wall, CPU     time.Duration
	MaxRSS, Bytes int64
	HTML          int64
	Files, Runs   int
	// TimedOut: the build did not finish within the limit; Wall is the
	// limit and MaxRSS the resident memory when it was stopped.
	TimedOut bool
}

// summarize returns the medians of samples; ok is false without samples.
func summarize(samples []sample) (f figures, ok bool) {
	if len(samples) == 0 {
		return f, false
	}
	for _, s := range samples {
		if s.TimedOut {
			return figures{Wall: s.Wall, CPU: s.CPU, MaxRSS: s.MaxRSS, Runs: 1, TimedOut: true}, true
		}
	}
	med := func(get func(sample) int64) int64 {
		v := make([]int64, len(samples))
		for i, s := range samples {
			v[i] = get(s)
		}
		slices.Sort(v)
		return (v[(len(v)-1)/2] + v[len(v)/2]) / 2
	}
	return figures{
		Wall:   time.Duration(med(func(s sample) int64 { return int64(s.Wall) })),
		CPU:    time.Duration(med(func(s sample) int64 { return int64(s.CPU) })),
		MaxRSS: med(func(s sample) int64 { return s.MaxRSS }),
		Bytes:  med(func(s sample) int64 { return s.Bytes }),
		HTML:   med(func(s sample) int64 { return s.HTML }),
		Files:  int(med(func(s sample) int64 { return int64(s.Files) })),
		Runs:   len(samples),
	}, true
}

// report prints the ratios, the cost per activity and the absolute figures.
func report(w io.Writer, cfg config, env string, results []result) error {
	fmt.Fprintf(w, "\nCorpus: N activities × fr/ar/en (~2 KB of Markdown each), seed %d. Runs per generator: %d (one when a build did not finish), pesnet and Hugo alternating; medians. Outputs on %s.\n",
		cfg.seed, cfg.runs, cfg.work)
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	if hasHugo(results) {
		fmt.Fprintln(tw, "\nRatios pesnet/Hugo (below 1×: pesnet spends less)")
		fmt.Fprintln(tw, "N\twall\tCPU\tpeak memory\toutput bytes\tHTML bytes")
		for _, r := range results {
			ratios(tw, cfg, r)
		}
	} else {
		fmt.Fprintln(tw, "\nNo Hugo: ratios not measured.")
	}
	fmt.Fprintln(tw, "\nCost per activity (median ÷ N)")
	fmt.Fprintln(tw, "N\tpesnet wall\tpesnet CPU\tHugo wall\tHugo CPU")
	for _, r := range results {
		p, _ := summarize(r.Pesnet)
		h, _ := summarize(r.Hugo)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.N, perActivity(p, p.Wall, r.N), perActivity(p, p.CPU, r.N), perActivity(h, h.Wall, r.N), perActivity(h, h.CPU, r.N))
	}
	tw.Flush()
	linear(w, results)
	fmt.Fprintf(tw, "\nAbsolute figures, this machine only (%s)\n", env)
	fmt.Fprintln(tw, "N\tgenerator\twall\tCPU\tpeak memory\toutput\tfiles\truns")
	for _, r := range results {
		absolute(tw, cfg, r.N, "pesnet", r.Pesnet)
		absolute(tw, cfg, r.N, "Hugo", r.Hugo)
	}
	return tw.Flush()
}

func hasHugo(results []result) bool {
	return slices.ContainsFunc(results, func(r result) bool { return len(r.Hugo) > 0 })
}

func ratios(w io.Writer, cfg config, r result) {
	p, _ := summarize(r.Pesnet)
	h, ok := summarize(r.Hugo)
	switch {
	case !ok:
		fmt.Fprintf(w, "%d\t—\t—\t—\t—\t—\n", r.N)
	case h.TimedOut:
		fmt.Fprintf(w, "%d\tHugo did not finish in %s\t—\t—\t—\t—\n", r.N, cfg.timeout)
	case p.TimedOut:
		fmt.Fprintf(w, "%d\tdid not finish in %s\t—\t≥ %s (when stopped)\t—\t—\n", r.N, cfg.timeout, ratio(float64(p.MaxRSS), float64(h.MaxRSS)))
	default:
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", r.N, ratio(float64(p.Wall), float64(h.Wall)), ratio(float64(p.CPU), float64(h.CPU)),
			ratio(float64(p.MaxRSS), float64(h.MaxRSS)), ratio(float64(p.Bytes), float64(h.Bytes)), ratio(float64(p.HTML), float64(h.HTML)))
	}
}

func ratio(a, b float64) string {
	if b == 0 {
		return "—"
	}
	switch r := a / b; {
	case r >= 10:
		return fmt.Sprintf("%.0f×", r)
	case r >= 1:
		return fmt.Sprintf("%.1f×", r)
	default:
		return fmt.Sprintf("%.2f×", r)
	}
}

// perActivity is d ÷ n, or a dash when there is no finished measure.
func perActivity(f figures, d time.Duration, n int) string {
	if f.TimedOut || f.Runs == 0 {
		return "—"
	}
	return duration(d / time.Duration(n))
}

// linear compares the cost per activity at the largest N with that at the
// smallest: 1× is linear growth, 10× from N to 10N is quadratic.
func linear(w io.Writer, results []result) {
	if len(results) < 2 {
		return
	}
	first, last := results[0], results[len(results)-1]
	line := fmt.Sprintf("\nLinearity: CPU per activity at N=%d ÷ at N=%d (1× is linear):", last.N, first.N)
	for _, g := range []struct {
		name string
		a, b []sample
	}{{"pesnet", first.Pesnet, last.Pesnet}, {"Hugo", first.Hugo, last.Hugo}} {
		a, okA := summarize(g.a)
		b, okB := summarize(g.b)
		if okA && okB && !a.TimedOut && !b.TimedOut {
			line += fmt.Sprintf(" %s %s;", g.name, ratio(float64(b.CPU)/float64(last.N), float64(a.CPU)/float64(first.N)))
		} else if okA || okB {
			line += fmt.Sprintf(" %s not measured at both sizes;", g.name)
		}
	}
	fmt.Fprintln(w, line[:len(line)-1])
}

func absolute(w io.Writer, cfg config, n int, name string, samples []sample) {
	f, ok := summarize(samples)
	switch {
	case !ok:
	case f.TimedOut:
		fmt.Fprintf(w, "%d\t%s\tdid not finish in %s\t%s so far\t%s when stopped\t—\t—\t1\n", n, name, cfg.timeout, duration(f.CPU), mib(f.MaxRSS))
	default:
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", n, name, duration(f.Wall), duration(f.CPU), mib(f.MaxRSS), mib(f.Bytes), f.Files, f.Runs)
	}
}

// String is a sample's line in the progress log.
func (s sample) String() string {
	if s.TimedOut {
		return fmt.Sprintf("did not finish: stopped after %s with %s resident", duration(s.Wall), mib(s.MaxRSS))
	}
	return fmt.Sprintf("wall %s, CPU %s, peak %s, output %s in %d files", duration(s.Wall), duration(s.CPU), mib(s.MaxRSS), mib(s.Bytes), s.Files)
}

func duration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.3g ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.3g µs", float64(d)/float64(time.Microsecond))
}

func mib(b int64) string {
	if b >= 1<<30 {
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}
