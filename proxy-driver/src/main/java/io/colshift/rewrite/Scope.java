package io.colshift.rewrite;

import java.util.List;

/** The relations one query block can see, and the block it is nested in (for correlated references). */
record Scope(List<Relation> relations, Scope parent) {

    static final Scope NONE = new Scope(List.of(), null);
}
