#!/usr/bin/env python3
"""The resumable face training of gantools.train_faces, on tiny runs.

Runs are 2 epochs of 2 steps with batches of 8, in-process; they need
the faces in data/ (`make data`).
"""
import hashlib
import os
import shutil

import h5py
import numpy as np
import pytest
import tensorflow as tf

from gantools import train_faces
from gantools.faces import FACES_PATH, Faces

TINY = ["--steps", "2", "--batch-size", "8"]
OUTPUTS = ["checkpoint.npz", "generator.h5", "generator_ema.h5",
           "discriminator.h5", "training.gif", "losses.png",
           "final_grid.png", os.path.join("grids", "epoch_0001.png"),
           os.path.join("grids", "epoch_0002.png")]

if not os.path.exists(FACES_PATH):
    if os.environ.get("CI"):
        raise RuntimeError(f"{FACES_PATH} is missing: `make data` first")
    pytest.skip(f"{FACES_PATH} is missing: run `make data`",
                allow_module_level=True)


def run(out, epochs, *extra):
    """Train (or resume) a tiny run in `out` for `epochs` epochs."""
    argv = ["--out", str(out), "--epochs", str(epochs), *TINY, *extra]
    return train_faces.train(train_faces.parse_args(argv))


def checkpoint(out):
    """Return the arrays of the checkpoint in `out`."""
    return train_faces.load_checkpoint(os.path.join(out, "checkpoint.npz"))


def digest(path):
    """Return the SHA-256 of a file's bytes."""
    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def h5_arrays(path):
    """Return the weights of a legacy .h5 file in layer order.

    Layer names differ between two networks built in one process
    (Keras numbers them), so files are compared by order, not bytes.
    """
    with h5py.File(path, "r") as h5:
        return [np.array(h5[layer][name])
                for layer in h5.attrs["layer_names"]
                for name in h5[layer].attrs["weight_names"]]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """An uninterrupted 2-epoch run, and one stopped after 1 then resumed.

    A copy of the 1-epoch state is kept for the tests that resume it
    differently.
    """
    base = tmp_path_factory.mktemp("train_faces")
    whole, resumed, stopped = (base / "whole", base / "resumed",
                               base / "after_one_epoch")
    run(whole, 2)
    run(resumed, 1)
    shutil.copytree(resumed, stopped)
    run(resumed, 2, "--resume")
    return whole, resumed, stopped


def test_outputs_exist(runs):
    """A finished run leaves weights, grids, GIF, curves and checkpoint."""
    whole = runs[0]
    missing = [name for name in OUTPUTS if not (whole / name).is_file()]
    assert missing == []
    assert int(checkpoint(whole)["epoch"]) == 2
    assert len(checkpoint(whole)["history/gen_loss"]) == 4


def test_resume_gives_the_uninterrupted_run(runs):
    """1 epoch + --resume to 2 == 2 epochs straight: losses and weights."""
    whole, resumed = checkpoint(runs[0]), checkpoint(runs[1])
    assert set(whole) == set(resumed)
    for key in sorted(whole):
        if key != "elapsed":
            np.testing.assert_array_equal(whole[key], resumed[key],
                                          err_msg=key)
    for name in ("generator.h5", "generator_ema.h5", "discriminator.h5"):
        ours, theirs = h5_arrays(runs[0] / name), h5_arrays(runs[1] / name)
        assert len(ours) == len(theirs) > 0
        for a, b in zip(ours, theirs):
            np.testing.assert_array_equal(a, b, err_msg=name)


def test_stopped_run_holds_one_epoch(runs):
    """The copy taken after epoch 1 really is the 1-epoch state."""
    stopped = checkpoint(runs[2])
    assert int(stopped["epoch"]) == 1
    assert len(stopped["history/discr_loss"]) == 2


def test_restart_without_resume_refuses(runs, tmp_path):
    """Training into a folder holding a run, without --resume, stops."""
    out = tmp_path / "again"
    shutil.copytree(runs[2], out)
    before = digest(out / "checkpoint.npz")
    with pytest.raises(SystemExit) as stop:
        run(out, 2)
    assert "--resume" in str(stop.value.code)
    assert digest(out / "checkpoint.npz") == before


def test_resume_with_other_settings_refuses(runs, tmp_path):
    """A run cannot be resumed with another batch size."""
    out = tmp_path / "other"
    shutil.copytree(runs[2], out)
    argv = ["--out", str(out), "--epochs", "2", "--steps", "2",
            "--batch-size", "16", "--resume"]
    with pytest.raises(SystemExit) as stop:
        train_faces.train(train_faces.parse_args(argv))
    assert "cannot resume" in str(stop.value.code)


def test_nan_loss_stops_and_keeps_the_checkpoint(runs, tmp_path,
                                                 monkeypatch):
    """A NaN loss stops the run with a message; the checkpoint stays.

    The GAN's train_step is replaced by one whose losses are NaN, so the
    second epoch fails at its first step.
    """
    out = tmp_path / "nan"
    shutil.copytree(runs[2], out)
    before = digest(out / "checkpoint.npz")
    build = train_faces.build_gan

    def poisoned_build(args, faces):
        """Build the real GAN, then make every step report NaN losses."""
        gan = build(args, faces)

        def nan_step(batch):
            """Return NaN for every loss."""
            return {key: tf.constant(np.nan)
                    for key in train_faces.LOSS_KEYS}
        gan.train_step = nan_step
        return gan

    monkeypatch.setattr(train_faces, "build_gan", poisoned_build)
    with pytest.raises(SystemExit) as stop:
        run(out, 2, "--resume")
    message = str(stop.value.code)
    assert "non-finite loss at epoch 2, step 1" in message
    assert "checkpoint" in message
    assert digest(out / "checkpoint.npz") == before
    assert not (out / "grids" / "epoch_0002.png").exists()


def test_write_atomically_replaces_the_file(tmp_path):
    """A complete write replaces the file and leaves no temporary file."""
    path = tmp_path / "state.bin"
    path.write_bytes(b"old")
    train_faces.write_atomically(str(path), lambda s: s.write(b"new"))
    assert path.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["state.bin"]


def test_write_atomically_survives_a_failing_writer(tmp_path):
    """A writer killed midway leaves the old file whole and no temp file."""
    path = tmp_path / "state.bin"
    path.write_bytes(b"old state")

    def half_write(stream):
        """Write part of the new state, then die."""
        stream.write(b"new st")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train_faces.write_atomically(str(path), half_write)
    assert path.read_bytes() == b"old state"
    assert os.listdir(tmp_path) == ["state.bin"]


def test_parse_args_recipe_and_checks():
    """Options left unset come from the recipe; bad values are refused."""
    args = train_faces.parse_args(["--recipe", "course"])
    assert (args.epochs, args.steps, args.batch_size) == (150, 200, 200)
    assert train_faces.parse_args(["--steps", "7"]).steps == 7
    with pytest.raises(SystemExit):
        train_faces.parse_args(["--batch-size", "0"])
    with pytest.raises(SystemExit):
        train_faces.parse_args(["--ema-decay", "1"])
    for option in ("--learning-rate", "--critic-learning-rate"):
        with pytest.raises(SystemExit):
            train_faces.parse_args([option, "0"])


def test_critic_learning_rate(tmp_path):
    """The critic's Adam takes --critic-learning-rate, the generator's
    --learning-rate; unset, both take --learning-rate."""
    faces = Faces()
    for extra, rates in (([], (.002, .002)),
                         (["--critic-learning-rate", ".008"], (.002, .008))):
        args = train_faces.parse_args(["--learning-rate", ".002", *TINY,
                                       *extra])
        gan = train_faces.build_gan(args, faces)
        got = (float(gan.generator.optimizer.learning_rate),
               float(gan.discriminator.optimizer.learning_rate))
        assert got == pytest.approx(rates)


def test_resume_with_another_critic_rate_refuses(runs, tmp_path):
    """The critic's rate is part of a run's settings."""
    out = tmp_path / "run"
    shutil.copytree(runs[2], out)
    with pytest.raises(SystemExit, match="cannot resume"):
        run(out, 2, "--resume", "--critic-learning-rate", ".01")


def test_whitened_critic_sees_whitened_faces():
    """The GAN's generator is the task-3 one followed by the whitening;
    its real examples are the whitened faces."""
    faces = Faces()
    args = train_faces.parse_args([*TINY, "--whitened-critic"])
    gan = train_faces.build_gan(args, faces)
    assert gan.face_generator.name == "generator"
    mean, matrix = train_faces.zca_matrix(faces.normalized)
    assert np.allclose(gan.real_examples,
                       train_faces.whiten(faces.normalized, mean, matrix))
    z = tf.random.normal((4, 16))
    assert np.allclose(
        gan.generator(z).numpy(),
        train_faces.whiten(gan.face_generator(z).numpy(), mean, matrix),
        atol=1e-4)


def test_switching_view_starts_a_fresh_critic(runs, tmp_path, capsys):
    """--init-from a pixel run with --whitened-critic: the generator and
    its average continue, the critic and its Adam state start afresh, and
    the exported generator is the task-3 one."""
    faces = Faces()
    source = os.path.join(runs[2], "checkpoint.npz")
    state = train_faces.load_checkpoint(source)
    args = train_faces.parse_args([*TINY, "--whitened-critic"])
    gan = train_faces.build_gan(args, faces)
    fresh = gan.discriminator.get_weights()
    average = train_faces.MovingAverage(gan.face_generator, .9)
    train_faces.restore_state(gan, average, state, critic=False)
    restored = gan.face_generator.get_weights()
    for index, got in enumerate(restored):
        assert np.array_equal(got, state[f"gen/{index}"])
    for got, built in zip(gan.discriminator.get_weights(), fresh):
        assert np.array_equal(got, built)
    run(tmp_path / "whitened", 2, "--init-from", source, "--whitened-critic")
    assert "critic starts afresh" in capsys.readouterr().out
    networks = train_faces.task("3-generate_faces").convolutional_GenDiscr
    generator, _ = networks()
    train_faces.task("4-wgan_gp").load_weights_h5(
        generator, str(tmp_path / "whitened" / "generator_ema.h5"))
