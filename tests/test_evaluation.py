#!/usr/bin/env python3
"""The yardstick's measures (gantools.evaluation) against hand computation.

Small synthetic clouds stand in for faces: each measure is checked on a
case whose answer is known without running it.
"""
import os

import numpy as np
import pytest

from gantools.evaluate import COLUMNS, format_table
from gantools.evaluation import (PCABasis, PCAGenerator, Yardstick,
                                 chi2_pdf, ks_distance,
                                 nearest_neighbour_accuracy,
                                 sliced_wasserstein, split_halves,
                                 sum_of_squares)
from gantools.plots import variance_ratio_curves


def correlated_cloud(rows, dim=6, seed=0):
    """Return a (rows, dim) Gaussian cloud with correlated coordinates."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal((rows, dim)) @ rng.standard_normal((dim, dim))


def test_ks_distance_by_hand():
    """[1, 2, 3] vs [2, 3, 4]: the CDFs differ by 1/3 at most."""
    assert ks_distance([1, 2, 3], [2, 3, 4]) == pytest.approx(1 / 3)
    assert ks_distance([3, 1, 2], [2, 3, 1]) == 0
    assert ks_distance([0, 0], [1, 1]) == 1


def test_sliced_wasserstein_of_a_translation():
    """Moving every point by c moves each projection by <u, c>: the mean
    over the directions u of |<u, c>|, with the same directions."""
    a = correlated_cloud(200)
    shift = np.array([3., 0, 0, 0, 0, 4.])
    directions = 64
    units = np.random.default_rng(7).standard_normal((6, directions))
    units /= np.linalg.norm(units, axis=0)
    expected = np.mean(np.abs(shift @ units))
    measured = sliced_wasserstein(a, a + shift, np.random.default_rng(7),
                                  directions)
    assert measured == pytest.approx(expected)
    assert sliced_wasserstein(a, a[::-1], np.random.default_rng(7)) == \
        pytest.approx(0)


def test_sliced_wasserstein_needs_equal_sizes():
    """The sorted-projection formula needs as many rows on both sides."""
    with pytest.raises(ValueError, match="10 and 9 rows"):
        sliced_wasserstein(np.zeros((10, 2)), np.zeros((9, 2)),
                           np.random.default_rng(0))


def test_nearest_neighbour_accuracy_extremes():
    """Twins are each other's neighbours (0); far clusters separate (1)."""
    a = correlated_cloud(50)
    assert nearest_neighbour_accuracy(a, a.copy()) == 0
    assert nearest_neighbour_accuracy(a, a + 1000) == 1


def test_nearest_neighbour_accuracy_by_hand():
    """Four points on a line: 0 and 1 are real, 3 and 10 fake.

    Nearest neighbours: 0 -> 1 (right), 1 -> 0 (right), 3 -> 1 (wrong),
    10 -> 3 (right): accuracy 3/4.
    """
    real = np.array([[0.], [1.]])
    fake = np.array([[3.], [10.]])
    assert nearest_neighbour_accuracy(real, fake) == pytest.approx(.75)


def test_pca_basis_standardises_its_cloud():
    """On the fitted cloud, the coordinates have mean 0, covariance I."""
    cloud = correlated_cloud(1000)
    basis = PCABasis(cloud, depth=4)
    coordinates = basis.coordinates(cloud)
    assert coordinates.shape == (1000, 4)
    assert np.allclose(coordinates.mean(axis=0), 0, atol=1e-10)
    assert np.allclose(np.cov(coordinates.T, bias=True), np.eye(4))
    assert np.all(np.diff(basis.stds) <= 0)


def test_pca_basis_round_trip_at_full_depth():
    """With every component kept, faces -> coordinates -> faces is exact."""
    pictures = correlated_cloud(100, dim=9).reshape(100, 3, 3)
    basis = PCABasis(pictures, depth=9)
    back = basis.faces(basis.coordinates(pictures), (3, 3))
    assert np.allclose(back, pictures)


def test_pca_generator_matches_the_spread():
    """Fakes have the fitted shape and, per component, its variance."""
    cloud = correlated_cloud(2000).reshape(2000, 2, 3)
    generator = PCAGenerator(cloud, depth=6)
    fakes = generator.fake_sample(20000, np.random.default_rng(1))
    assert fakes.shape == (20000, 2, 3)
    variances = generator.basis.coordinates(fakes).var(axis=0)
    assert np.allclose(variances, 1, atol=.05)


def test_chi2_pdf_by_hand():
    """chi-squared_2 is exp(-x/2)/2; every density integrates to 1."""
    x = np.array([0.5, 1., 4.])
    assert np.allclose(chi2_pdf(x, 2), np.exp(-x / 2) / 2)
    assert chi2_pdf(-1., 49) == 0
    # A Riemann sum: the density vanishes at both ends of the grid.
    grid, step = np.linspace(0, 200, 200001, retstep=True)
    assert np.sum(chi2_pdf(grid, 49)) * step == pytest.approx(1, abs=1e-6)


def test_sum_of_squares():
    """Row sums of squares: (3, 4) -> 25."""
    assert np.allclose(sum_of_squares(np.array([[3., 4.], [1., 0.]])),
                       [25., 1.])


def test_split_halves_is_a_seeded_partition():
    """Two disjoint halves covering everything, the same for a seed."""
    rows = np.arange(10.)[:, None]
    a, b = split_halves(rows, seed=3)
    assert sorted(np.concatenate([a, b]).ravel()) == list(range(10))
    again, _ = split_halves(rows, seed=3)
    assert np.array_equal(a, again)


def faces_like(rows=4000, seed=0):
    """Return (rows, 4, 4, 1) correlated 'faces' with 16 pixels."""
    return correlated_cloud(rows, dim=16, seed=seed).reshape(rows, 4, 4, 1)


@pytest.fixture(scope="module")
def yardstick(monkeypatch_module):
    """A yardstick on synthetic faces, with 8 principal coordinates."""
    monkeypatch_module.setattr("gantools.evaluation.N_COORDINATES", 8)
    monkeypatch_module.setattr(
        "gantools.evaluation.N_NEIGHBOURS_SAMPLE", 300)
    return Yardstick(faces_like(), seed=0)


@pytest.fixture(scope="module")
def monkeypatch_module():
    """A monkeypatch that lasts for the module."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_yardstick_on_the_held_out_half_itself(yardstick):
    """Fakes equal to half B: SWD 0, KS 0, spread 1, offset 0, and 1-NN 0
    (every face's nearest neighbour is its twin)."""
    measures = yardstick.measure(yardstick.held_out)
    assert measures["swd"] == pytest.approx(0)
    assert measures["nn"] == 0
    assert measures["ks"] == 0
    assert measures["spread"] == pytest.approx(1)
    assert measures["offset"] == pytest.approx(0)


def test_yardstick_sees_a_shrunken_generator(yardstick):
    """Fakes of half B pulled towards A's mean by 0.9: the coordinates
    shrink by 0.9, so the sums of squares (spread) by exactly 0.81; a
    translated copy has the translation as its offset."""
    mean = yardstick.basis.mean.reshape(4, 4, 1)
    shrunk = mean + .9 * (yardstick.held_out - mean)
    measures = yardstick.measure(shrunk)
    assert measures["spread"] == pytest.approx(.81)
    assert measures["ks"] > .1
    assert yardstick.measure(yardstick.held_out + .25)["offset"] == \
        pytest.approx(.25)
    assert np.allclose(yardstick.variance_ratios(shrunk), .81)
    assert np.allclose(yardstick.variance_ratios(yardstick.held_out), 1)


def test_yardstick_floor_is_near_ideal(yardstick):
    """Half A against half B of one cloud: close to the ideal values."""
    measures = yardstick.measure(yardstick.reference)
    assert 0.4 < measures["nn"] < 0.6
    assert measures["ks"] < .05
    assert measures["spread"] == pytest.approx(1, abs=.05)
    assert abs(measures["offset"]) < .05


def test_variance_ratios_figure(yardstick, tmp_path):
    """One line per generator, saved where asked."""
    path = str(tmp_path / "ratios.png")
    ratios = {"B itself": yardstick.variance_ratios(yardstick.held_out),
              "A": yardstick.variance_ratios(yardstick.reference)}
    assert variance_ratio_curves(ratios, "ratios", path=path) == path
    assert os.path.getsize(path) > 0


def test_format_table():
    """One header, one rule, one line per row, in the columns' formats."""
    measures = {"swd": 1.234, "nn": .5, "ks": .0456, "spread": .9,
                "offset": -.00012}
    lines = format_table([("ours", measures)]).split("\n")
    assert len(lines) == 3
    assert lines[1] == "|---" * (len(COLUMNS) + 1) + "|"
    assert lines[2] == "| ours | 1.23 | 0.500 | 0.046 | 0.900 | -0.0001 |"
    assert lines[0].startswith("| generator | SWD x100 | 1-NN acc. |")
