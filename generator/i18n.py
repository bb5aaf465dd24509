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
    decimal_separator: str  # in plain text such as alt texts
    rules: RuleNames
    methods: MethodNames
    fit_title: str
    model: str
    data: str
    loss_squared_error: str
    loss_cross_entropy: str
    example_partials: str
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


ENGLISH = Words(
    derivative_title="Find the derivative",
    gradient_title="Gradient",
    descent_title="Gradient descent",
    iterations_title="{title}: iterations",
    path_title="{title}: the path",
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
    step_heading="{title}: step {number}",
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
    fit_title="Fitting a model to data",
    model="The model, with input {input} and parameters {params}:",
    data="The data points {names}:",
    loss_squared_error="The loss: half the squared error of each point, summed over the points.",
    loss_cross_entropy="The loss: the cross-entropy of each point, summed over the points.",
    example_partials="Partial derivatives of each point's loss (chain rule):",
    loss_partials="The gradient of the loss is the sum over the points:",
    batches_full="Every step uses all {count} points (full batch).",
    batches_stochastic="Each step uses one point (stochastic gradient descent), {order}.",
    batches_mini="Each step uses a batch of {size} points (mini-batch gradient descent), {order}.",
    order_fixed="in the order of the data",
    order_seeded="in an order shuffled every epoch (seed {seed})",
    batch_rule="Step t follows the gradient of its batch's loss, written g:",
    batch_step="Step {number}, {examples}:",
    batch_heading="{heading} · {examples}",
    example_one="point {indices}",
    example_many="points {indices}",
    later_steps_title="{title}: the gradients of the later steps",
    fitted_title="{title}: the fitted curve",
    legend_data="data",
    legend_fitted="after {steps}",
    legend_start_model="at the start",
    axis_loss="loss {name}",
    loss_title="{title}: the loss at each step",
    alt_fit_curve="The data points and the model's curve at the start and after {steps}",
    alt_loss="The loss {name} at each iteration, from {start} to {end}",
    list_separator=", ",
    rates_title="Choosing the learning rate",
    rates_lead="The same start, {steps} of gradient descent with each learning rate:",
    regimes={"converges": "converges monotonically", "oscillates": "oscillates while converging",
             "diverges": "diverges"},
    rates_figure_title="{title}: the iterates",
    alt_rates="Gradient descent on {function} with learning rates {rates}: {regimes}",
    compare_title="Comparing the methods",
    compare_lead="Every method starts at {start} and makes {steps}:",
    method_column="method",
    settings_column="settings",
    compare_best="Lowest after {steps}: {method}.",
    compare_figure_title="{title}: the paths",
    alt_compare="Contour lines of {function} with the paths of {methods} from {start}",
    continued="{title} (continued)",
    step_forms=("step", "steps", "steps"),
    step_forms_after=("step", "steps", "steps"),
    by_last_digits=False,
    exercise=ExerciseWords(
        heading="Exercise {number}",
        heading_titled="Exercise {number}: {title}",
        code="Exercise id for your answers: `{id}`",
        derivative="Find the derivative.",
        derivative_at="Find the value of the derivative at the point {point}.",
        gradient="Find the gradient.",
        gradient_at="Find the gradient at the point {point}.",
        descent="{method}: take {steps} from the starting point. Where do you arrive?",
        descent_stop="{method}: take steps from the starting point until {condition}. Where does it stop "
                     "(after step N)?",
        fit="Fit the model to the data with {steps} of {method}. Where do the parameters arrive?",
        fit_stop="Fit the model to the data with {method} until {condition}. Where do the parameters stop "
                 "(after step N)?",
        handout="Exercises",
        key="Answer key",
        key_heading="Answers: {numbers}",
        variant="Variant {number}",
    ),
    feedback=FeedbackWords(
        unsimplified="Equivalent to the answer, though it can be simplified.",
        unproven="Agrees with the answer at random points, but could not be proved equal ({note}): check by hand.",
        chain_rule="The inner derivative is missing (chain rule).",
        wrong_power="A power was not lowered (power rule: (u^n)' = n·u^(n−1)·u').",
        product_rule="A product was differentiated factor by factor: (uv)' = u'v + uv', not u'v'.",
        quotient_rule="A quotient was differentiated as u'/v': (u/v)' = (u'v − uv')/v².",
        sign="The sign is wrong.",
        constant_factor="Off by a constant factor: {factor} times the right answer.",
        close="Close, but not equal to the answer at the digits given.",
        too_few_digits="Rounds to the answer, but give at least 3 significant digits.",
        wrong_step="This is the point after step {step}; the exercise asks for step {last}.",
        wrong_shape="Expected {expected}.",
        one_value="one value",
        coordinates="{count} values, such as (a, b)",
        unreadable="Cannot read the answer: {reason}.",
        unknown_exercise="No exercise {exercise!r} in the key (its exercises: {known}).",
    ),
)

RUSSIAN = Words(
    derivative_title="Найти производную",
    gradient_title="Градиент",
    descent_title="Градиентный спуск",
    iterations_title="{title}: итерации",
    path_title="{title}: траектория",
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
    step_heading="{title}: шаг {number}",
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
    fit_title="Подгоняем модель под данные",
    model="Модель со входом {input} и параметрами {params}:",
    data="Точки данных {names}:",
    loss_squared_error="Функция потерь: половина квадрата ошибки в каждой точке, сумма по точкам.",
    loss_cross_entropy="Функция потерь: перекрёстная энтропия в каждой точке, сумма по точкам.",
    example_partials="Частные производные потерь в каждой точке (производная сложной функции):",
    loss_partials="Градиент функции потерь — сумма по точкам:",
    batches_full="Каждый шаг использует все {count} точки (полный батч).",
    batches_stochastic="Каждый шаг использует одну точку (стохастический градиентный спуск), {order}.",
    batches_mini="Каждый шаг использует батч из {size} точек (мини-батч), {order}.",
    order_fixed="в порядке данных",
    order_seeded="в порядке, перемешанном в каждой эпохе (seed {seed})",
    batch_rule="Шаг t идёт по градиенту потерь своего батча, обозначим его g:",
    batch_step="Шаг {number}, {examples}:",
    batch_heading="{heading} · {examples}",
    example_one="точка {indices}",
    example_many="точки {indices}",
    later_steps_title="{title}: градиенты следующих шагов",
    fitted_title="{title}: подобранная кривая",
    legend_data="данные",
    legend_fitted="после {steps}",
    legend_start_model="в начале",
    axis_loss="потери {name}",
    loss_title="{title}: потери на каждом шаге",
    alt_fit_curve="Точки данных и кривая модели в начале и после {steps}",
    alt_loss="Потери {name} на каждой итерации, от {start} до {end}",
    list_separator="; ",
    rates_title="Выбор скорости обучения",
    rates_lead="Одна и та же начальная точка, {steps} градиентного спуска с каждой скоростью:",
    regimes={"converges": "сходится монотонно", "oscillates": "сходится с колебаниями", "diverges": "расходится"},
    rates_figure_title="{title}: итерации",
    alt_rates="Градиентный спуск для {function} со скоростями {rates}: {regimes}",
    compare_title="Сравнение методов",
    compare_lead="Все методы начинают в точке {start} и делают {steps}:",
    method_column="метод",
    settings_column="параметры",
    compare_best="Ниже всех после {steps}: {method}.",
    compare_figure_title="{title}: траектории",
    alt_compare="Линии уровня {function} и траектории методов {methods} из точки {start}",
    continued="{title} (продолжение)",
    step_forms=("шаг", "шага", "шагов"),
    step_forms_after=("шага", "шагов", "шагов"),
    by_last_digits=True,
    exercise=ExerciseWords(
        heading="Задание {number}",
        heading_titled="Задание {number}: {title}",
        code="Код задания для ответа: `{id}`",
        derivative="Найдите производную.",
        derivative_at="Найдите значение производной в точке {point}.",
        gradient="Найдите градиент.",
        gradient_at="Найдите градиент в точке {point}.",
        descent="{method}: сделайте {steps} из начальной точки. Куда вы придёте?",
        descent_stop="{method}: делайте шаги из начальной точки, пока не выполнится {condition}. Где вы "
                     "остановитесь (после шага N)?",
        fit="Подгоните модель под данные: {steps} методом «{method}». Куда придут параметры?",
        fit_stop="Подгоните модель под данные методом «{method}», пока не выполнится {condition}. Где "
                 "остановятся параметры (после шага N)?",
        handout="Задания",
        key="Ответы",
        key_heading="Ответы: {numbers}",
        variant="Вариант {number}",
    ),
    feedback=FeedbackWords(
        unsimplified="Ответ равносилен верному, но его можно упростить.",
        unproven="Совпадает с ответом в случайных точках, но равенство не удалось доказать ({note}): "
                 "проверьте вручную.",
        chain_rule="Не хватает производной внутренней функции (производная сложной функции).",
        wrong_power="Степень не понижена: (u^n)' = n·u^(n−1)·u'.",
        product_rule="Произведение продифференцировано по множителям: (uv)' = u'v + uv', а не u'v'.",
        quotient_rule="Частное продифференцировано как u'/v': (u/v)' = (u'v − uv')/v².",
        sign="Неверный знак.",
        constant_factor="Ответ отличается постоянным множителем: {factor} от верного.",
        close="Близко, но с указанными знаками не совпадает с ответом.",
        too_few_digits="Округление верное, но нужно не меньше 3 значащих цифр.",
        wrong_step="Это точка после шага {step}, а в задании — после шага {last}.",
        wrong_shape="Ожидалось: {expected}.",
        one_value="одно значение",
        coordinates="{count} значения, например (a; b)",
        unreadable="Не удалось прочитать ответ: {reason}.",
        unknown_exercise="В ключе нет задания {exercise!r} (задания: {known}).",
    ),
)

WORDS = {"en": ENGLISH, "ru": RUSSIAN}


def words_for(lang: str) -> Words:
    return WORDS[lang]
