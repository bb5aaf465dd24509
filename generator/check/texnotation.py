"""The LaTeX notation the checker reads, as tables.

Relations and the separators between statements, macros that only space or style, Greek
letters, function macros, matrix environments, brackets, and the names whose power is
written before their arguments.  The tokenizer and the parser consult these tables, and
``lints`` builds its list of macros KaTeX renders from them, so a notation is added in one
place.
"""
from __future__ import annotations

RELATIONS = {"=": "=", r"\approx": "≈", "<": "<", ">": ">", r"\le": "≤", r"\leq": "≤", r"\leqslant": "≤",
             r"\ge": "≥", r"\geq": "≥", r"\geqslant": "≥", r"\ne": "≠", r"\neq": "≠", r"\lt": "<", r"\gt": ">",
             r"\coloneqq": "≔", r"\equiv": "≔", r"\triangleq": "≔"}  # ≔: the left side is defined (texteaching)
SEPARATORS = {r"\qquad", r"\quad", ";", ","}
IGNORED = {r"\,", r"\;", r"\:", r"\!", r"\ ", r"\displaystyle", r"\textstyle", "~",
           r"\enspace", r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace",
           r"\negthickspace",
           r"\limits", r"\nolimits"}
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
         "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega"}
# LaTeX function macros → the names of the expression parser's whitelist (generator.expr.FUNCTIONS)
FUNCTIONS = {"sin": "sin", "cos": "cos", "tan": "tan", "tg": "tg", "cot": "cot", "ctg": "ctg", "arcsin": "arcsin",
             "arccos": "arccos", "arctan": "arctan", "arctg": "arctg", "arcctg": "arcctg", "arccot": "arccot",
             "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "sh": "sinh", "ch": "cosh", "th": "tanh",
             "ln": "ln", "log": "log", "exp": "exp", "lg": "lg"}
# \sin^{-1} x is arcsin x, \sinh^{-1} x is arsinh x
INVERSES = {"sin": "arcsin", "cos": "arccos", "tan": "arctan", "tg": "arctg", "cot": "arccot", "ctg": "arcctg",
            "sinh": "asinh", "cosh": "acosh", "tanh": "atanh", "sh": "asinh", "ch": "acosh", "th": "atanh"}
RECIPROCALS = {"sec": "cos", "csc": "sin", "cosec": "sin"}  # \sec x = 1/cos x, \csc x = \cosec x = 1/sin x
# \operatorname{…} words that name a function (KaTeX has no macro for them); the macros' names count too
OPERATOR_NAMES = {"arsinh": "asinh", "arcsinh": "asinh", "arsh": "asinh", "arcosh": "acosh", "arccosh": "acosh",
                  "arch": "acosh", "artanh": "atanh", "arctanh": "atanh", "arth": "atanh", "sign": "sign",
                  "sgn": "sign"}
MATRICES = {"pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix"}
POWER_OF_CALL = {"f", "g", "h", "F", "G", "H", "sigma", "phi", "psi"}  # g^2(x) means (g(x))^2

# an opening bracket → its closing bracket
BRACKETS = {"(": ")", "[": "]", r"\{": r"\}", "|": "|", r"\lvert": r"\rvert", r"\vert": r"\vert", r"\|": r"\|",
            r"\lVert": r"\rVert", r"\Vert": r"\Vert"}
NORMS = {r"\|", r"\lVert", r"\Vert"}  # the length of a vector, not bars taken entry by entry
