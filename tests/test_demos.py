#!/usr/bin/env python3
"""The demos 0-main.py ... 4-main.py run, and their helpers are right.

Each main runs with --quick in a subprocess, the way a learner runs it,
and must exit 0 after writing every figure it announces. The helpers are
checked against hand computations.
"""
import os
import subprocess
import sys

import numpy as np
import pytest

from gantools.faces import FACES_PATH
from gantools.metrics import (expected_mean_squared_dist_cloud_to_center,
                              expected_squared_dist_barycenter_to_center,
                              ks_to_chi2, mean_squared_dist_cloud_to_center,
                              principal_sums_of_squares,
                              squared_dist_barycenter_to_center)
from gantools.randomness import set_seeds
from gantools.toy import (circle_example, cloud_in_the_corner,
                          four_clouds_example)
from gantools.walks import circle_walk, segment, star_walk

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIGURES = {
    "0-main.py": ["0-circle.png", "0-four_clouds.png"],
    "1-main.py": ["1-four_clouds.png"],
    "2-main.py": ["2-four_clouds.png", "2-cloud_losses.png",
                  "2-cloud_pictures.png"],
    "3-main.py": ["3-real_faces.png", "3-mean_face.png",
                  "3-pixel_histograms.png", "3-training.png"],
}
PLAY_FIGURES = ["4-fakes_by_critic.png", "4-segment.png", "4-star_walk.gif",
                "4-circle_walk.gif"]
APPENDIX_FIGURES = ["4-pca_fakes.png", "4-pca_reconstructions.png",
                    "4-sums_of_squares.png"]
HAS_FACES = os.path.isfile(FACES_PATH)
# The runs go side by side: one TensorFlow thread each avoids fighting
# over the cores.
ONE_THREAD = dict(os.environ, TF_NUM_INTRAOP_THREADS="1",
                  TF_NUM_INTEROP_THREADS="1")
needs_faces = pytest.mark.skipif(not HAS_FACES,
                                 reason="no faces file: run `make data`")


def start(arguments, folder):
    """Start `python arguments` in the repository, output to files.

    Returns (process, folder); files, not pipes, take the output, so
    several processes can run at once without filling a pipe.
    """
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "stdout.txt"), "w") as stdout, \
            open(os.path.join(folder, "stderr.txt"), "w") as stderr:
        process = subprocess.Popen([sys.executable, *arguments], cwd=ROOT,
                                   stdout=stdout, stderr=stderr, text=True,
                                   env=ONE_THREAD)
    return process, str(folder)


def finish(started):
    """Wait for a started process; assert it exits 0; return its stdout."""
    process, folder = started
    process.wait(timeout=600)
    with open(os.path.join(folder, "stdout.txt")) as stream:
        stdout = stream.read()
    with open(os.path.join(folder, "stderr.txt")) as stream:
        stderr = stream.read()
    assert process.returncode == 0, stdout[-3000:] + stderr[-3000:]
    return stdout


def quick(main, out, *options):
    """Arguments that run a main with --quick into the folder out."""
    return [os.path.join(ROOT, main), "--quick", "--out", str(out),
            *options]


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """Start every quick demo, and a tiny face training, all at once.

    The runs are independent processes: together they take about the
    time of the longest one on a machine of several cores.
    """
    root = tmp_path_factory.mktemp("demos")
    runs = {main: start(quick(main, root / main), root / main)
            for main in FIGURES if main != "3-main.py" or HAS_FACES}
    if HAS_FACES:
        absent = root / "absent"
        runs["4-main.py"] = start(
            quick("4-main.py", root / "4-main.py", "--weights", absent),
            root / "4-main.py")
        runs["weights"] = start(
            ["-m", "gantools.train_faces", "--out", root / "weights",
             "--epochs", "1", "--steps", "2", "--batch-size", "16"],
            root / "weights")
    yield runs
    for process, _ in runs.values():
        if process.poll() is None:
            process.kill()
            process.wait()


def assert_saved(stdout, out, names):
    """Each file exists, is not empty, and its path was printed."""
    for name in names:
        path = os.path.join(str(out), name)
        assert os.path.getsize(path) > 0, path
        assert path in stdout, f"{path} not printed"


@pytest.mark.parametrize("main", ["0-main.py", "1-main.py", "2-main.py"])
def test_toy_mains(main, started):
    """The toy demos train, draw and report their figures."""
    assert_saved(finish(started[main]), started[main][1], FIGURES[main])


def test_2_main_prints_the_cloud_measures(started):
    """2-main prints msdcc and dbc of each GAN and their expectations."""
    stdout = finish(started["2-main.py"])
    for name in ("Simple_GAN", "WGAN_clip", "WGAN_GP", "expected"):
        assert any(line.strip().startswith(f"{name}: msdcc")
                   for line in stdout.splitlines()), name
    assert "msdcc 0.1225" in stdout


@needs_faces
def test_3_main(started):
    """The faces demo draws the data and a first training."""
    stdout = finish(started["3-main.py"])
    assert_saved(stdout, started["3-main.py"][1], FIGURES["3-main.py"])
    assert "Total params: 339493" in stdout.replace(",", "")


@needs_faces
def test_4_main_without_weights(started):
    """Without weights, 4-main says how to get them and draws the rest."""
    stdout = finish(started["4-main.py"])
    out = started["4-main.py"][1]
    assert "gantools.train_faces" in stdout
    assert "real faces: KS distance to chi-squared_49 = " in stdout
    assert_saved(stdout, out, APPENDIX_FIGURES)
    for name in PLAY_FIGURES:
        assert not os.path.exists(os.path.join(out, name))


@needs_faces
def test_4_main_with_weights(started, tmp_path):
    """With weights, 4-main draws the fakes, the walks and the appendix."""
    finish(started["weights"])
    weights = started["weights"][1]
    stdout = finish(start(quick("4-main.py", tmp_path, "--weights",
                                weights), tmp_path))
    assert_saved(stdout, tmp_path, PLAY_FIGURES + APPENDIX_FIGURES)


def test_circle_example():
    """k points of the circle of centre (.5, .5) and radius .3."""
    set_seeds(0)
    points = np.asarray(circle_example(500))
    assert points.shape == (500, 2)
    radii = np.linalg.norm(points - .5, axis=1)
    # The course's 1e-8 under the square root shortens the rare short u.
    np.testing.assert_allclose(radii, .3, atol=1e-3)


def test_four_clouds_example():
    """Four clouds of a quarter each; colours computed from positions."""
    set_seeds(0)
    points = four_clouds_example(1000)
    assert points.shape == (1000, 5) and points.dtype == np.float64
    x, y, red, green, blue = points.T
    np.testing.assert_allclose(red, np.minimum(x * x, 1))
    np.testing.assert_allclose(green, np.minimum(y * y, 1))
    np.testing.assert_allclose(blue, np.maximum(1 - red - green, 0))
    assert points[:, 2:].min() >= 0 and points[:, 2:].max() <= 1
    centres = [(.75, .75), (.75, .25), (.25, .75), (.25, .25)]
    for quarter, centre in enumerate(centres):
        cloud = points[250 * quarter:250 * (quarter + 1), :2]
        np.testing.assert_allclose(cloud.mean(axis=0), centre, atol=.01)
    set_seeds(0)
    np.testing.assert_array_equal(four_clouds_example(1000), points)


def test_cloud_in_the_corner():
    """(S, N) float32 points around .8 with standard deviation sigma."""
    set_seeds(0)
    cloud = cloud_in_the_corner(49, .05, 2000)
    assert cloud.shape == (2000, 49) and cloud.dtype == np.float32
    assert abs(cloud.mean() - .8) < .001
    assert abs(cloud.std() - .05) < .001


def test_cloud_measures_by_hand():
    """msdcc and dbc of three points, computed by hand."""
    cloud = np.array([[.8, .8], [1., .8], [.8, .5]])
    # squared distances to (.8, .8): 0, .04, .09
    assert mean_squared_dist_cloud_to_center(cloud) == pytest.approx(
        .13 / 3)
    # barycenter (2.6 / 3, .7): (.2 / 3)^2 + .1^2
    assert squared_dist_barycenter_to_center(cloud) == pytest.approx(
        .04 / 9 + .01)


def test_cloud_measures_expectations():
    """N sigma^2 and N sigma^2 / S, and a real cloud is close to them."""
    assert expected_mean_squared_dist_cloud_to_center(49, .05) == \
        pytest.approx(.1225)
    assert expected_squared_dist_barycenter_to_center(49, .05, 500) == \
        pytest.approx(.1225 / 500)
    set_seeds(0)
    cloud = cloud_in_the_corner(49, .05, 10000)
    assert mean_squared_dist_cloud_to_center(cloud) == pytest.approx(
        .1225, rel=.02)


def test_principal_sums_of_squares():
    """Standardised on the sample itself, the sums average to the depth."""
    rng = np.random.default_rng(0)
    sample = rng.standard_normal((500, 6, 6)) @ rng.standard_normal((6, 6))
    for shuffle in (None, rng):
        sums = principal_sums_of_squares(sample, depth=5, rng=shuffle)
        assert sums.shape == (500,)
        assert sums.mean() == pytest.approx(5)


def test_ks_to_chi2():
    """Sums of k squared normals are chi-squared_k; a shifted sample is not.

    The first distance is sampling error (~ 1.36 / sqrt(5000) = .019 at
    most, 95% of the time); a shift by about one standard deviation
    (sqrt(2 * 49) = 9.9) opens a gap near 2 Phi(.5) - 1 = .38.
    """
    rng = np.random.default_rng(0)
    sums = np.sum(rng.standard_normal((5000, 49)) ** 2, axis=1)
    assert ks_to_chi2(sums, 49, rng) < 0.02
    assert ks_to_chi2(sums + 10, 49, rng) > 0.3


def test_segment():
    """n evenly spaced points from a to b, both included."""
    a, b = np.array([0., 1., 2.]), np.array([4., 1., 0.])
    walk = segment(a, b, 5)
    assert walk.shape == (5, 3)
    np.testing.assert_allclose(walk[0], a)
    np.testing.assert_allclose(walk[-1], b)
    np.testing.assert_allclose(np.diff(walk, axis=0), [(b - a) / 4] * 4,
                               atol=1e-12)


def test_star_walk():
    """Each spoke leaves the centre, reaches its end, and comes back."""
    centre = np.zeros(4)
    ends = np.eye(4)[:3]
    walk = star_walk(centre, ends, 5)
    assert walk.shape == (3 * (2 * 5 - 2), 4)
    for spoke, end in enumerate(ends):
        start = spoke * 8
        np.testing.assert_allclose(walk[start], centre)
        np.testing.assert_allclose(walk[start + 4], end)
    steps = np.linalg.norm(np.diff(np.vstack([walk, walk[:1]]), axis=0),
                           axis=1)
    np.testing.assert_allclose(steps, .25, atol=1e-12)


def test_circle_walk_closes_on_itself():
    """Starts at a; the step from the last point back to a is like all."""
    a, b = np.array([1., 0., 0.]), np.array([0., 1., 0.])
    walk = circle_walk(a, b, 12)
    assert walk.shape == (12, 3)
    np.testing.assert_allclose(walk[0], a)
    np.testing.assert_allclose(walk[3], b, atol=1e-12)
    steps = np.linalg.norm(np.diff(np.vstack([walk, walk[:1]]), axis=0),
                           axis=1)
    np.testing.assert_allclose(steps, 2 * np.sin(np.pi / 12))
    np.testing.assert_allclose(np.linalg.norm(walk, axis=1), 1)
