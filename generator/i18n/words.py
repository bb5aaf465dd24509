"""What a language must say: ``Words`` and its parts, one field per generated word or sentence."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleNames:
    """The name of each differentiation rule, as a step of a derivation is annotated."""

    constant: str
    variable: str
    sum: str
    constant_factor: str
    product: str
    quotient: str
    power: str
    square_root: str
    exponential: str
    logarithm: str
    trigonometric: str
    inverse_trigonometric: str
    hyperbolic: str
    chain: str
    simplify: str

    def describe(self, rules: tuple[str, ...], variable: str = "x") -> str:
        """The rules of one step, ``variable`` named in the rule ``x' = 1`` (a single letter; else x)."""
        letter = variable if len(variable) == 1 and variable.isascii() and variable.isalpha() else "x"
        return ", ".join(getattr(self, rule).format(variable=letter) for rule in rules)


@dataclass(frozen=True)
class MethodNames:
    gd: str
    momentum: str
    nesterov: str
    adagrad: str
    rmsprop: str
    adam: str


@dataclass(frozen=True)
class ExerciseWords:
    """Question slides, handouts and answer keys."""

    heading: str  # "Exercise {number}"
    heading_titled: str  # "Exercise {number}: {title}"
    code: str  # how students name the exercise when they submit answers
    derivative: str
    derivative_at: str  # {point}: x = 2
    gradient: str
    gradient_at: str
    descent: str  # {method}, {steps}
    descent_stop: str  # {method}, {condition}
    fit: str  # {method}, {steps}
    fit_stop: str  # {method}, {condition}
    handout: str  # the handout's subtitle
    key: str  # the key's subtitle
    key_heading: str  # "Answers: 1–3"
    variant: str  # "Variant {number}", under the title of a student's variant



@dataclass(frozen=True)
class FeedbackWords:
    """What ``verideck grade`` tells about an answer, per diagnosis."""

    unsimplified: str
    unproven: str  # {note}
    chain_rule: str
    wrong_power: str
    product_rule: str
    quotient_rule: str
    sign: str
    constant_factor: str  # {factor}
    close: str
    too_few_digits: str
    wrong_step: str  # {step}, {last}
    wrong_shape: str  # {expected}
    one_value: str
    coordinates: str  # {count}
    unreadable: str  # {reason}
    unknown_exercise: str  # {exercise}, {known}


@dataclass(frozen=True)
class Words:
    derivative_title: str
    gradient_title: str
    descent_title: str
    iterations_title: str
    path_title: str
    plot_title: str
    composite: str
    chain_rule: str
    result: str
    value_at: str
    equivalent_forms: str
    partials: str
    derivative: str
    gradient_vector: str
    at_point: str
    given: str
    learning_rate: str
    start: str
    update_rule: str
    stop_rule: str
    step_heading: str
    update: str
    new_point: str
    step_column: str
    value_column: str
    change_column: str
    omitted_rows: str
    stopped_tolerance: str
    stopped_max_steps: str
    stopped_stationary: str
    stopped_diverged: str
    answer: str
    tangent: str
    tangent_at: str
    axis_value: str
    axis_iteration: str
    legend_iterates: str
    legend_start: str
    legend_tangent: str
    alt_descent_curve: str
    alt_descent_contour: str
    alt_plot: str
    lang: str  # the notation of numbers in these words is ``notation.notation_for(lang)``
    rules: RuleNames
    methods: MethodNames
    fit_title: str
    model: str
    data: str
    loss_squared_error: str
    loss_cross_entropy: str
    example_partials: str
    predictions: str  # {point}: the parameters where step 1 takes the gradient
    example_values: str  # each point's partial derivatives there, rounded
    loss_partials: str
    batches_full: str
    batches_stochastic: str
    batches_mini: str
    order_fixed: str
    order_seeded: str
    batch_rule: str
    batch_step: str
    batch_heading: str
    example_one: str
    example_many: str
    later_steps_title: str
    fitted_title: str
    legend_data: str
    legend_fitted: str
    legend_start_model: str
    axis_loss: str
    loss_title: str
    alt_fit_curve: str
    alt_loss: str
    list_separator: str  # between formulas in a sentence ("; " where numbers have decimal commas)
    rates_title: str
    rates_lead: str
    regimes: dict
    rates_figure_title: str
    alt_rates: str
    alt_rate: str  # one panel
    compare_title: str
    compare_lead: str
    method_column: str
    settings_column: str
    compare_best: str
    compare_figure_title: str
    alt_compare: str
    derivation: str
    continued: str
    exercise: ExerciseWords
    feedback: FeedbackWords
    step_forms: tuple[str, str, str]  # a number of steps: one, a few (2–4), many — "step steps steps", "шаг шага шагов"
    step_forms_after: tuple[str, str, str]  # the same after "after" (Russian genitive: после 1 шага, 5 шагов)
    by_last_digits: bool  # Russian picks the form by the last digits (21 шаг, 22 шага); English by one or not

    def steps(self, count: int) -> str:
        """``3 steps``, ``3 шага``."""
        return f"{count} {self.step_forms[self._form(count)]}"

    def after_steps(self, count: int) -> str:
        """``3 steps``, ``3 шагов`` — as it follows "after"."""
        return f"{count} {self.step_forms_after[self._form(count)]}"

    def _form(self, count: int) -> int:
        if not self.by_last_digits:
            return 0 if count == 1 else 2
        ones, tens = count % 10, count % 100
        if ones == 1 and tens != 11:
            return 0
        return 1 if 2 <= ones <= 4 and not 12 <= tens <= 14 else 2
