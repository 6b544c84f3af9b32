package scaffold

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// ErrAborted is returned by Prompt when the input ends (Ctrl-D) before
// every question has an answer. Nothing has been written.
var ErrAborted = errors.New("stopped before every question was answered: nothing was created")

// question is one field Prompt asks for.
type question struct {
	label   string          // what is asked
	choices func() []string // the valid answers, shown in the question (nil: free text)
	def     string          // taken when the answer is empty
	dst     *string
	check   func(string) error // the rule Activity applies to this field
}

// Prompt asks on a terminal for the fields of req that are missing or
// invalid: the plan (only when there are several; the current one is the
// default), the area of that plan, the id, then the type. Each answer is
// checked as soon as it is given, with the rules and messages of Activity;
// a wrong answer is explained and the question asked again. An empty
// answer takes the default, if the question has one.
func Prompt(in io.Reader, out io.Writer, dir string, req *Request) error {
	p, err := open(dir)
	if err != nil {
		return err
	}
	r := bufio.NewReader(in)
	for _, q := range p.questions(req) {
		if err := q.ask(r, out); err != nil {
			return err
		}
	}
	return nil
}

func (p *project) questions(req *Request) []question {
	var qs []question
	// With one plan, there is nothing to choose; a plan given by flag is
	// still checked.
	if len(p.plans()) > 1 || req.Plan != "" {
		qs = append(qs, question{label: "Work plan", choices: p.plans, def: p.current(), dst: &req.Plan, check: p.checkPlan})
	} else if req.Plan == "" {
		req.Plan = p.current()
	}
	return append(qs,
		question{label: "Thematic area", choices: func() []string { return p.areas(req.Plan) }, dst: &req.Area,
			check: func(s string) error { return p.checkArea(req.Plan, s) }},
		question{label: "Activity id (lowercase words joined by hyphens, e.g. digital-skills-training)", dst: &req.ID,
			check: p.checkID},
		question{label: "Type", choices: typeNames, def: string(content.TypeTraining), dst: &req.Type, check: checkType},
	)
}

// ask keeps a valid value given beforehand (a flag), and otherwise asks
// until the answer is valid or the input ends.
func (q question) ask(r *bufio.Reader, out io.Writer) error {
	if *q.dst != "" {
		err := q.check(*q.dst)
		if err == nil {
			return nil
		}
		fmt.Fprintln(out, err)
	}
	for {
		fmt.Fprint(out, q.prompt())
		line, readErr := r.ReadString('\n')
		answer := strings.TrimSpace(line)
		if readErr != nil && answer == "" {
			fmt.Fprintln(out) // the cursor is still after the question
			if errors.Is(readErr, io.EOF) {
				return ErrAborted
			}
			return fmt.Errorf("reading the answer: %w", readErr)
		}
		if answer == "" {
			answer = q.def
		}
		if answer == "" {
			fmt.Fprintln(out, "an answer is needed")
			continue
		}
		if err := q.check(answer); err != nil {
			fmt.Fprintln(out, err)
			continue
		}
		*q.dst = answer
		return nil
	}
}

// prompt is the question as shown: "Type (training, webinar, workshop) [training]: ".
func (q question) prompt() string {
	s := q.label
	if q.choices != nil {
		s += " (" + strings.Join(q.choices(), ", ") + ")"
	}
	if q.def != "" {
		s += " [" + q.def + "]"
	}
	return s + ": "
}
