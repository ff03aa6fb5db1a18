package io.colshift.state;

import java.util.List;
import java.util.stream.Collectors;

/** A migration spec that must not be used; the message names the file, each faulty field and why. */
public final class InvalidSpecException extends Exception {

    private final String source;
    private final List<SpecProblem> problems;

    public InvalidSpecException(String source, List<SpecProblem> problems) {
        super(source + ": invalid migration spec\n" + problems.stream()
                .map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or other origin) the spec came from. */
    public String source() {
        return source;
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
