"""Every generated word, per language.

``Words`` is a frozen dataclass without defaults, so each language must give
every field and a misspelled field name is an error, not an empty string.
Sentences with ``{}`` slots are filled in by the views (in Python), never in templates.
"""
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

    def describe(self, rules: tuple[str, ...]) -> str:
        return ", ".join(getattr(self, rule) for rule in rules)


@dataclass(frozen=True)
class MethodNames:
    gd: str
    momentum: str
    nesterov: str
    adagrad: str
    rmsprop: str
    adam: str


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
    decimal_separator: str  # in plain text such as alt texts
    rules: RuleNames
    methods: MethodNames
    derivation: str
    continued: str


ENGLISH = Words(
    derivative_title="Find the derivative",
    gradient_title="Gradient",
    descent_title="Gradient descent",
    iterations_title="Gradient descent: iterations",
    path_title="Gradient descent: the path",
    plot_title="Graph",
    composite="A composite function, written in layers:",
    chain_rule="Chain rule: multiply the derivatives of the layers.",
    result="Result:",
    value_at="Value at the point:",
    equivalent_forms="The same derivative in another form:",
    partials="Partial derivatives:",
    derivative="Derivative:",
    gradient_vector="The gradient is the vector of partial derivatives:",
    at_point="At the point {point}:",
    given="Given:",
    learning_rate="learning rate",
    start="starting point",
    update_rule="Each step moves against the gradient:",
    stop_rule="Stop when {condition}.",
    step_heading="Gradient descent: step {number}",
    update="Update:",
    new_point="New point:",
    step_column="step",
    value_column="{name}",
    change_column="change",
    omitted_rows="…",
    stopped_tolerance="The stopping rule fired after step {number}: {condition}.",
    stopped_max_steps="The stopping rule did not fire within {number} steps.",
    stopped_stationary="The gradient is zero after step {number}: a stationary point.",
    stopped_diverged="The iterates diverge after step {number}: the learning rate is too large.",
    answer="Answer:",
    tangent="Tangent line at {point}:",
    tangent_at="tangent at {point}",
    axis_value="value",
    axis_iteration="iteration",
    legend_iterates="iterates",
    legend_start="start",
    legend_tangent="tangent",
    alt_descent_curve="Graph of {function} with the gradient-descent iterates from {start} to {end}",
    alt_descent_contour="Contour lines of {function} with the gradient-descent path from {start} to {end}",
    alt_plot="Graph of {functions} for {variable} from {low} to {high}",
    decimal_separator=".",
    rules=RuleNames(constant="constant", variable="x' = 1", sum="sum rule", constant_factor="constant factor",
                    product="product rule", quotient="quotient rule", power="power rule", square_root="square root",
                    exponential="exponential", logarithm="logarithm", trigonometric="trigonometric table",
                    inverse_trigonometric="inverse trigonometric table", hyperbolic="hyperbolic table",
                    chain="chain rule", simplify="simplify"),
    methods=MethodNames(gd="Gradient descent", momentum="Momentum", nesterov="Nesterov accelerated gradient",
                        adagrad="AdaGrad", rmsprop="RMSProp", adam="Adam"),
    derivation="Step by step, one rule at a time:",
    continued="{title} (continued)",
)

RUSSIAN = Words(
    derivative_title="Найти производную",
    gradient_title="Градиент",
    descent_title="Градиентный спуск",
    iterations_title="Градиентный спуск: итерации",
    path_title="Градиентный спуск: траектория",
    plot_title="График",
    composite="Сложная функция, запишем её по слоям:",
    chain_rule="Производная сложной функции — произведение производных слоёв.",
    result="Ответ:",
    value_at="Значение в точке:",
    equivalent_forms="Та же производная в другом виде:",
    partials="Частные производные:",
    derivative="Производная:",
    gradient_vector="Градиент — вектор частных производных:",
    at_point="В точке {point}:",
    given="Дано:",
    learning_rate="скорость обучения",
    start="начальная точка",
    update_rule="Каждый шаг — против направления градиента:",
    stop_rule="Останавливаемся, когда {condition}.",
    step_heading="Шаг градиентного спуска {number}",
    update="Обновление:",
    new_point="Новая точка:",
    step_column="шаг",
    value_column="{name}",
    change_column="изменение",
    omitted_rows="…",
    stopped_tolerance="Правило остановки сработало после шага {number}: {condition}.",
    stopped_max_steps="За {number} шагов правило остановки не сработало.",
    stopped_stationary="После шага {number} градиент равен нулю: стационарная точка.",
    stopped_diverged="После шага {number} итерации расходятся: скорость обучения слишком велика.",
    answer="Ответ:",
    tangent="Касательная в точке {point}:",
    tangent_at="касательная в точке {point}",
    axis_value="значение",
    axis_iteration="итерация",
    legend_iterates="итерации",
    legend_start="начало",
    legend_tangent="касательная",
    alt_descent_curve="График {function} и итерации градиентного спуска от {start} до {end}",
    alt_descent_contour="Линии уровня {function} и траектория градиентного спуска от {start} до {end}",
    alt_plot="График {functions} при {variable} от {low} до {high}",
    decimal_separator=",",
    rules=RuleNames(constant="производная константы", variable="x' = 1", sum="производная суммы",
                    constant_factor="константа за знак производной", product="производная произведения",
                    quotient="производная частного", power="степенная функция", square_root="корень",
                    exponential="показательная функция", logarithm="логарифм", trigonometric="тригонометрия",
                    inverse_trigonometric="обратная тригонометрия", hyperbolic="гиперболические функции",
                    chain="сложная функция", simplify="упрощаем"),
    methods=MethodNames(gd="Градиентный спуск", momentum="Метод моментов (momentum)",
                        nesterov="Ускоренный градиент Нестерова", adagrad="AdaGrad", rmsprop="RMSProp", adam="Adam"),
    derivation="По шагам, по одному правилу:",
    continued="{title} (продолжение)",
)

WORDS = {"en": ENGLISH, "ru": RUSSIAN}


def words_for(lang: str) -> Words:
    return WORDS[lang]
