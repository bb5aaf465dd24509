"""``fit``: a sigmoid neuron fitted to points, recomputed here with mpmath from hand-derived gradients.

For ŷ = σ(wx + b) the chain rule gives, per point (x_k, y_k):
squared error  L_k = ½(ŷ_k − y_k)²:               ∂L_k/∂w = (ŷ_k − y_k) ŷ_k (1 − ŷ_k) x_k, ∂L_k/∂b = … · 1
cross-entropy  L_k = −[y_k ln ŷ_k + (1−y_k) ln(1−ŷ_k)]: ∂L_k/∂w = (ŷ_k − y_k) x_k,           ∂L_k/∂b = ŷ_k − y_k
A step follows the sum over its batch.  Batches walk through the points in order, epoch after
epoch; with a seed each epoch's order is ``random.Random(seed).shuffle`` of the indices.
"""
from __future__ import annotations

import random

import mpmath
import pytest

from generator.errors import SpecError
from generator.kinds.fit.solve import batch_schedule
from solve_helpers import solve_one

mpmath.mp.dps = 60
POINTS = [("0.5", "0.2"), ("2.5", "0.9")]
MODEL = "1/(1 + exp(-(w*x + b)))"
TOLERANCE = mpmath.mpf("1e-30")


def mp(text) -> mpmath.mpf:
    return mpmath.mpf(text)


def point_gradient(loss, w, b, x, y):
    y_hat = 1 / (1 + mpmath.exp(-(w * x + b)))
    error = (y_hat - y) * y_hat * (1 - y_hat) if loss == "squared_error" else y_hat - y
    return error * x, error


def reference_batches(count, size, steps, seed):
    shuffler = random.Random(seed) if seed is not None else None
    batches = []
    while len(batches) < steps:
        order = list(range(count))
        if shuffler:
            shuffler.shuffle(order)
        batches += [sorted(order[i:i + size]) for i in range(0, count, size)]
    return batches[:steps]


def reference_fit(points, loss, rate, steps, size=None, seed=None, method="gd", beta="0.9"):
    data = [(mp(x), mp(y)) for x, y in points]
    w = b = mp(0)
    eta, beta = mp(rate), mp(beta)
    u = [mp(0), mp(0)]
    m, v = [mp(0), mp(0)], [mp(0), mp(0)]
    path = []
    for t, batch in enumerate(reference_batches(len(data), size or len(data), steps, seed)):
        gw = gb = mp(0)
        for k in batch:
            dw, db = point_gradient(loss, w, b, *data[k])
            gw, gb = gw + dw, gb + db
        if method == "gd":
            w, b = w - eta * gw, b - eta * gb
        elif method == "momentum":
            u = [beta * u[0] + eta * gw, beta * u[1] + eta * gb]
            w, b = w - u[0], b - u[1]
        elif method == "adam":
            new = []
            for i, (p, g) in enumerate(((w, gw), (b, gb))):
                m[i] = mp("0.9") * m[i] + mp("0.1") * g
                v[i] = mp("0.999") * v[i] + mp("0.001") * g * g
                m_hat, v_hat = m[i] / (1 - mp("0.9") ** (t + 1)), v[i] / (1 - mp("0.999") ** (t + 1))
                new.append(p - eta * m_hat / (mpmath.sqrt(v_hat) + mp("1e-8")))
            w, b = new
        path.append((w, b))
    return path


def fit_slide(extra: str, loss="squared_error", data=POINTS) -> str:
    points = ", ".join(f"[{x}, {y}]" for x, y in data)
    return f"""
    - kind: fit
      id: neuron
      model: {MODEL}
      data: [{points}]
      params: {{w: 0, b: 0}}
      loss: {loss}
{extra}
    """


def solver_path(solution):
    return [tuple(mp(str(value)) if value.is_Float else mp(value.p) / value.q for _, value in step.new_point)
            for step in solution.descent.steps]


def assert_same_path(ours, theirs):
    assert len(ours) == len(theirs)
    for step, (a, b) in enumerate(zip(ours, theirs), start=1):
        for mine, reference in zip(a, b):
            assert abs(mine - reference) <= TOLERANCE * max(1, abs(reference)), f"step {step}: {mine} vs {reference}"


@pytest.mark.parametrize("loss", ["squared_error", "cross_entropy"])
def test_full_batch_gradient_descent_follows_the_hand_derived_gradient(tmp_path, loss):
    data = POINTS if loss == "squared_error" else [("0.5", "0"), ("2.5", "1")]
    solution = solve_one(tmp_path, fit_slide("      learning_rate: 2\n      steps: 12", loss, data))
    assert_same_path(solver_path(solution), reference_fit(data, loss, "2", 12))


def test_the_first_step_is_exact_at_the_origin(tmp_path):
    # σ(0) = 1/2: ∂L/∂w = (0.5 − 0.2)·¼·0.5 + (0.5 − 0.9)·¼·2.5 = −0.2125, ∂L/∂b = 0.075 − 0.1 = −0.025
    solution = solve_one(tmp_path, fit_slide("      learning_rate: 1\n      steps: 1"))
    step = solution.descent.steps[0]
    assert [str(s.value) for s in step.slopes] == ["-17/80", "-1/40"]
    assert [str(v) for _, v in step.new_point] == ["17/80", "1/40"]


@pytest.mark.parametrize("size, seed", [(1, None), (1, 2026), (2, None)])
def test_stochastic_and_mini_batches(tmp_path, size, seed):
    data = [("0.5", "0.2"), ("1.5", "0.4"), ("2.5", "0.9")]
    extra = f"      learning_rate: 1\n      steps: 7\n      batch_size: {size}"
    if seed is not None:
        extra += f"\n      seed: {seed}"
    solution = solve_one(tmp_path, fit_slide(extra, data=data))
    assert [list(b) for b in solution.batches] == reference_batches(3, size, 7, seed)
    assert_same_path(solver_path(solution), reference_fit(data, "squared_error", "1", 7, size, seed))


@pytest.mark.parametrize("method, extra", [("momentum", "      beta: 0.5"), ("adam", "")])
def test_methods_on_the_neuron(tmp_path, method, extra):
    spec = f"      learning_rate: 0.5\n      steps: 6\n      method: {method}\n" + extra
    solution = solve_one(tmp_path, fit_slide(spec.rstrip("\n")))
    assert_same_path(solver_path(solution), reference_fit(POINTS, "squared_error", "0.5", 6, method=method,
                                                           beta="0.5"))


def test_batches_cover_every_point_once_per_epoch():
    for seed in (None, 1, 2, 3):
        batches = batch_schedule(5, 2, 9, seed)
        assert batches[:3] and sorted(k for batch in batches[:3] for k in batch) == [0, 1, 2, 3, 4]
        assert [len(b) for b in batches[:3]] == [2, 2, 1]


@pytest.mark.parametrize("extra, message", [
    ("      learning_rate: 1\n      steps: 3\n      batch_size: 3", "batch_size 3 is larger than the data (2 points)"),
    ("      learning_rate: 1\n      steps: 3\n      seed: 4", "a seed shuffles the batches"),
    ("      learning_rate: 1\n      steps: 30\n      batch_size: 1", "print every step: use at most 12 steps"),
    ("      learning_rate: 1\n      steps: 3\n      beta: 0.5", "method gd does not use beta"),
])
def test_fit_errors_name_the_key(tmp_path, extra, message):
    with pytest.raises(SpecError) as error:
        solve_one(tmp_path, fit_slide(extra))
    assert message in str(error.value)


def test_a_model_with_an_unknown_name_is_refused(tmp_path):
    slide = fit_slide("      learning_rate: 1\n      steps: 3").replace("w*x + b", "w*x + c")
    with pytest.raises(SpecError) as error:
        solve_one(tmp_path, slide)
    assert "slides[0].model: the model uses c" in str(error.value)


def test_a_fit_diverging_past_any_printable_value_is_a_spec_error(tmp_path):
    # differential run, seed 2 (G1): a(e^{k x}) with k ≈ 2·10^18 after step 1: printing step 2 crashed
    # with decimal.InvalidOperation (its loss is about 10^(6·10^18))
    from generator.solve import MathError

    with pytest.raises(MathError, match="diverges at step 2") as error:
        solve_one(tmp_path, """
            - kind: fit
              model: "a*exp(k*x)"
              data: [[-1.5, 1.1], [3.5, -0.8], [-2, 0]]
              params: {a: 1, k: 0.1}
              learning_rate: 1
              steps: 5
            """)
    assert error.value.key == "learning_rate"
