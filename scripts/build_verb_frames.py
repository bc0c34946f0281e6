#!/usr/bin/env python3
"""Builds models/verb-frames.tsv: for every verb form, its lemma and how often the lemma takes a
direct object in UD English EWT train (deprel obj, or ccomp/xcomp as a clause object), and how
often a particle (deprel compound:prt: "carry out", "turn off").

Lines: form<TAB>lemma<TAB>object_rate<TAB>clause_rate<TAB>count<TAB>particle_rate. Forms come from EWT and from
the inflections of LemmInflect (MIT) via models/morph-lexicon.tsv's source wheel when given.

Usage: python3 scripts/build_verb_frames.py ../shared/data/ud-english-ewt/en_ewt-ud-train.conllu \
           [/tmp/lemm/lemminflect-0.2.3-py3-none-any.whl]
"""
import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict


def read_conllu(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent.append(cols)
    if sent:
        yield sent


def main(conllu, wheel=None, out="models/verb-frames.tsv"):
    uses = defaultdict(int)
    objects = defaultdict(int)
    clauses = defaultdict(int)
    particles = defaultdict(int)
    forms = {}
    for sent in read_conllu(conllu):
        children = defaultdict(list)
        for cols in sent:
            children[cols[6]].append(cols[7])
        for cols in sent:
            if cols[3] != "VERB":
                continue
            lemma = cols[2].lower()
            forms[cols[1].lower()] = lemma
            uses[lemma] += 1
            deps = children[cols[0]]
            if "obj" in deps:
                objects[lemma] += 1
            if "ccomp" in deps or "xcomp" in deps:
                clauses[lemma] += 1
            if "compound:prt" in deps:
                particles[lemma] += 1
    if wheel:
        with zipfile.ZipFile(wheel) as z:
            text = gzip.decompress(z.read("lemminflect/resources/infl_lu.csv.gz")).decode("utf-8")
        for row in csv.reader(io.StringIO(text)):
            if row[1] != "verb":
                continue
            lemma = row[0].lower()
            for f in row[2:]:
                for form in f.split("/"):
                    if form and " " not in form:
                        forms.setdefault(form.lower(), lemma)
            forms.setdefault(lemma, lemma)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Verb forms with their lemma and how often the lemma takes an object (obj) or a\n")
        f.write("# clause (ccomp/xcomp), and a particle (compound:prt), in UD English EWT train\n")
        f.write("# (CC BY-SA 4.0). Built by scripts/build_verb_frames.py; inflections from\n")
        f.write("# LemmInflect (MIT).\n")
        f.write("# form\tlemma\tobject_rate\tclause_rate\tcount\tparticle_rate\n")
        for form in sorted(forms):
            lemma = forms[form]
            n = uses.get(lemma, 0)
            if n == 0:
                continue  # nothing known of the lemma's objects
            o = objects.get(lemma, 0) / n if n else -1
            c = clauses.get(lemma, 0) / n if n else -1
            p = particles.get(lemma, 0) / n if n else -1
            f.write(f"{form}\t{lemma}\t{o:.2f}\t{c:.2f}\t{n}\t{p:.2f}\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
