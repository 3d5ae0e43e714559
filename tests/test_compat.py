#!/usr/bin/env python3
"""Weight files cross the Keras 2 / Keras 3 line (issue 5).

tests/fixtures/ holds files written by each version's own save_weights
(scripts/make_weight_fixtures.py, run once under each runtime): k2_* in
the legacy layout, k3_* in the new one under a `.h5` name. Whichever
Keras runs these tests must load both through task 4 and compute the
stored outputs.
"""
import importlib
import importlib.util
import os
import shutil

import numpy as np
import pytest
import tensorflow as tf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
TASK4 = importlib.import_module("4-wgan_gp")
LAYOUTS = {"k2": "legacy", "k3": "keras3"}


def load_script():
    """Import scripts/make_weight_fixtures.py, which builds the networks."""
    path = os.path.join(ROOT, "scripts", "make_weight_fixtures.py")
    spec = importlib.util.spec_from_file_location("make_weight_fixtures",
                                                  path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FX = load_script()


def fixture(prefix, part):
    """Return the path of a fixture file such as k2_generator.h5."""
    return os.path.join(FIXTURES, f"{prefix}_{part}")


def stored(prefix):
    """Return the stored latent vectors and outputs of one fixture set."""
    with np.load(fixture(prefix, "outputs.npz")) as arrays:
        return {key: arrays[key] for key in arrays.files}


def gan_on(generator, critic):
    """Return a task-4 WGAN_GP around the pair, on random real examples."""
    real = np.random.default_rng(0).normal(size=(10, FX.EXAMPLE_DIM))
    return TASK4.WGAN_GP(generator, critic,
                         lambda k: tf.random.normal((k, FX.LATENT_DIM)),
                         real.astype("float32"), batch_size=5)


def assert_reproduces(generator, critic, prefix):
    """The pair computes the outputs stored with the fixtures."""
    expected = stored(prefix)
    generated = generator(expected["latent"], training=False).numpy()
    np.testing.assert_allclose(generated, expected["generated"], atol=1e-5)
    values = critic(expected["generated"], training=False).numpy()
    np.testing.assert_allclose(values, expected["critic_values"],
                               atol=1e-5)


def fresh_pair(prefix="fx_"):
    """Return the fixtures' architecture with other, random weights."""
    generator, critic = FX.build_pair(prefix)
    FX.fill_weights(generator, seed=11)
    FX.fill_weights(critic, seed=12)
    return generator, critic


@pytest.mark.parametrize("prefix", sorted(LAYOUTS))
def test_fixture_layouts(prefix):
    """k2 files hold the legacy layout, k3 files the new one."""
    for part in ("generator.h5", "critic.h5"):
        assert TASK4.weights_layout(fixture(prefix, part)) == LAYOUTS[prefix]
    assert stored(prefix)["keras_version"].item().startswith(prefix[1])


@pytest.mark.parametrize("prefix", sorted(LAYOUTS))
def test_replace_weights_loads_both_versions(prefix):
    """replace_weights reproduces the stored outputs to 1e-5."""
    generator, critic = fresh_pair()
    gan = gan_on(generator, critic)
    with pytest.raises(AssertionError):
        assert_reproduces(generator, critic, prefix)
    gan.replace_weights(fixture(prefix, "generator.h5"),
                        fixture(prefix, "critic.h5"))
    assert_reproduces(gan.generator, gan.discriminator, prefix)


@pytest.mark.parametrize("prefix", sorted(LAYOUTS))
@pytest.mark.parametrize("name", ["x.h5", "x.weights.h5", "x.hdf5",
                                  "weights.bin", "generator"])
def test_load_weights_h5_under_any_name(prefix, name, tmp_path):
    """load_weights_h5 reads each layout whatever the file's name says."""
    generator, critic = fresh_pair()
    for net, part in ((generator, "generator.h5"), (critic, "critic.h5")):
        copy = str(tmp_path / f"{part[:-3]}_{name}")
        shutil.copyfile(fixture(prefix, part), copy)
        TASK4.load_weights_h5(net, copy)
    assert_reproduces(generator, critic, prefix)


@pytest.mark.parametrize("prefix", sorted(LAYOUTS))
def test_other_layer_names_load_by_order(prefix):
    """Files load into networks whose layers have other names.

    Legacy files are read by layer order; the new layout names its
    groups after layer types (dense, dense_1, ...), not layer names.
    """
    generator, critic = fresh_pair(prefix="renamed_")
    assert all(layer.name.startswith("renamed_")
               for layer in generator.layers)
    gan = gan_on(generator, critic)
    gan.replace_weights(fixture(prefix, "generator.h5"),
                        fixture(prefix, "critic.h5"))
    assert_reproduces(gan.generator, gan.discriminator, prefix)


def test_both_versions_stored_the_same_networks():
    """The script builds identical networks under both versions."""
    k2, k3 = stored("k2"), stored("k3")
    np.testing.assert_array_equal(k2["latent"], k3["latent"])
    np.testing.assert_allclose(k2["generated"], k3["generated"], atol=1e-5)
    np.testing.assert_allclose(k2["critic_values"], k3["critic_values"],
                               atol=1e-5)


@pytest.mark.parametrize("prefix", ["fx_", "plain_"])
def test_save_weights_h5_loads_with_plain_load_weights(prefix, tmp_path):
    """A learner's `model.load_weights("x.h5")` reads save_weights_h5's file.

    The BatchNormalization layer's moving statistics (non-trainable)
    must come back too.
    """
    generator, critic = FX.fixed_pair()
    paths = [str(tmp_path / "generator.h5"), str(tmp_path / "critic.h5")]
    TASK4.save_weights_h5(generator, paths[0])
    TASK4.save_weights_h5(critic, paths[1])
    assert TASK4.weights_layout(paths[0]) == "legacy"
    other_generator, other_critic = fresh_pair(prefix)
    other_generator.load_weights(paths[0])
    other_critic.load_weights(paths[1])
    for mine, theirs in ((generator, other_generator),
                         (critic, other_critic)):
        for a, b in zip(mine.get_weights(), theirs.get_weights()):
            np.testing.assert_array_equal(a, b)
    assert_reproduces(other_generator, other_critic, "k2")


def test_fixture_script_writes_this_versions_layout(tmp_path):
    """The script, run under this Keras, writes its version's layout."""
    FX.main(["--out", str(tmp_path)])
    prefix = f"k{FX.keras_major()}"
    written = sorted(os.listdir(tmp_path))
    assert written == [f"{prefix}_critic.h5", f"{prefix}_generator.h5",
                       f"{prefix}_outputs.npz"]
    assert (TASK4.weights_layout(str(tmp_path / f"{prefix}_generator.h5"))
            == LAYOUTS[prefix])
    generator, critic = fresh_pair()
    TASK4.load_weights_h5(generator, str(tmp_path / f"{prefix}_generator.h5"))
    TASK4.load_weights_h5(critic, str(tmp_path / f"{prefix}_critic.h5"))
    assert_reproduces(generator, critic, prefix)
