#!/usr/bin/env python3
"""Behaviour of the task modules 0-4, checked against hand computations.

Networks are tiny Dense models (latent 3 -> example 4 -> value 1) unless
a test needs pictures or the task-3 networks themselves.
"""
import importlib
import importlib.metadata
import os

import h5py
import numpy as np
import pytest
import tensorflow as tf
from tensorflow import keras

LATENT_DIM = 3
EXAMPLE_DIM = 4
TASK4 = importlib.import_module("4-wgan_gp")
CLASSES = {
    "simple": importlib.import_module("0-simple_gan").Simple_GAN,
    "clip": importlib.import_module("1-wgan_clip").WGAN_clip,
    "gp": importlib.import_module("2-wgan_gp").WGAN_GP,
    "gp4": TASK4.WGAN_GP,
}
GP_CLASSES = ("gp", "gp4")
LOSS_KEYS = {"simple": {"discr_loss", "gen_loss"},
             "clip": {"discr_loss", "gen_loss"},
             "gp": {"discr_loss", "gen_loss", "gp"},
             "gp4": {"discr_loss", "gen_loss", "gp"}}


def latent(k):
    """Return k standard normal latent vectors."""
    return tf.random.normal((k, LATENT_DIM))


def dense_pair(example_dim=EXAMPLE_DIM):
    """Return a tiny (generator, critic) pair of Dense layers."""
    generator = keras.Sequential([keras.Input((LATENT_DIM,)),
                                  keras.layers.Dense(5, activation="tanh"),
                                  keras.layers.Dense(example_dim)])
    critic = keras.Sequential([keras.Input((example_dim,)),
                               keras.layers.Dense(5, activation="tanh"),
                               keras.layers.Dense(1)])
    return generator, critic


def picture_pair(shape=(5, 5, 1)):
    """Return a generator of pictures and a linear critic Dense(Flatten)."""
    size = int(np.prod(shape))
    generator = keras.Sequential([keras.Input((LATENT_DIM,)),
                                  keras.layers.Dense(size),
                                  keras.layers.Reshape(shape)])
    critic = keras.Sequential([keras.Input(shape), keras.layers.Flatten(),
                               keras.layers.Dense(1)])
    return generator, critic


def linear_critic(example_dim=EXAMPLE_DIM):
    """Return D(x) = w.x + b on vectors, weights still to be set."""
    return keras.Sequential([keras.Input((example_dim,)),
                             keras.layers.Dense(1)])


def real_rows(n=100, dim=EXAMPLE_DIM, dtype="float32"):
    """Return n distinct rows: row i starts with i / n, its label.

    Small values on purpose: rows starting with i itself saturate the
    critic's tanh (see test_flat_critic_keeps_training_finite).
    """
    rows = np.random.default_rng(0).normal(size=(n, dim))
    rows[:, 0] = np.arange(n) / n
    return rows.astype(dtype)


def row_labels(rows):
    """Return the index i of each row made by real_rows."""
    return np.round(np.asarray(rows)[:, 0] * len(real_rows())).astype(int)


def make_gan(kind, generator=None, critic=None, real=None, **options):
    """Build the GAN of class `kind` on the tiny nets and 100 real rows."""
    if generator is None:
        generator, critic = dense_pair()
    if real is None:
        real = real_rows()
    options.setdefault("batch_size", 20)
    return CLASSES[kind](generator, critic, latent, real, **options)


class StepCounter(keras.callbacks.Callback):
    """Count the training steps Keras runs in each epoch."""

    def on_train_begin(self, logs=None):
        """Start with no epoch counted."""
        self.counts = []

    def on_epoch_begin(self, epoch, logs=None):
        """Open the count of a new epoch."""
        self.counts.append(0)

    def on_train_batch_end(self, batch, logs=None):
        """Count one step."""
        self.counts[-1] += 1


def snapshot(model):
    """Return copies of all weights of a model."""
    return [np.array(w) for w in model.get_weights()]


def fit_history(kind, seed=7, epochs=2, steps=3, real=None):
    """Seed, build and fit a GAN; return its history."""
    keras.utils.set_random_seed(seed)
    gan = make_gan(kind, real=real)
    gan.compile()
    return gan.fit(real if real is not None else gan.real_examples,
                   epochs=epochs, steps_per_epoch=steps, verbose=0).history


# Losses -----------------------------------------------------------------

CRITIC_ON_REAL = np.array([[0.5], [-1.5], [2.0], [0.25]], dtype="float32")
CRITIC_ON_FAKE = np.array([[-0.5], [1.0], [3.0], [-2.0]], dtype="float32")


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_losses_on_fixed_critic_outputs(kind):
    """The networks' loss attributes match NumPy on fixed critic values."""
    gan = make_gan(kind)
    x, y = CRITIC_ON_REAL, CRITIC_ON_FAKE
    if kind == "simple":
        discr = np.mean((x - 1) ** 2) + np.mean((y + 1) ** 2)
        gen = np.mean((y - 1) ** 2)
    else:
        discr = np.mean(y) - np.mean(x)
        gen = -np.mean(y)
    got_discr = float(gan.discriminator.loss(tf.constant(x), tf.constant(y)))
    got_gen = float(gan.generator.loss(tf.constant(y)))
    assert got_discr == pytest.approx(discr, rel=1e-6)
    assert got_gen == pytest.approx(gen, rel=1e-6)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_train_step_losses_by_hand(kind):
    """train_step reports losses computed by hand on a known set-up.

    Every real example is r, the generator outputs f whatever its input
    (zero kernel) and the critic is D(x) = w.x + b. With a tiny learning
    rate the networks barely move during the step, so the losses follow
    from D(r) and D(f), and the penalty is (||w|| - 1)^2.
    """
    r = np.array([1.0, -2.0, 0.5, 3.0], "float32")
    f = np.array([0.5, 1.0, -1.0, 2.0], "float32")
    # Inside [-1, 1], so that WGAN_clip's clipping leaves it alone.
    w = np.array([[0.9], [-0.8], [0.7], [0.9]], "float32")
    generator = keras.Sequential([keras.Input((LATENT_DIM,)),
                                  keras.layers.Dense(EXAMPLE_DIM)])
    generator.layers[-1].set_weights([np.zeros((LATENT_DIM, EXAMPLE_DIM),
                                               "float32"), f])
    critic = linear_critic()
    critic.layers[-1].set_weights([w, np.array([0.25], "float32")])
    gan = make_gan(kind, generator, critic, real=np.tile(r, (100, 1)),
                   disc_iter=1, learning_rate=1e-9)
    logs = {key: float(value) for key, value in gan.train_step(None).items()}
    x, y = float((r @ w)[0]) + 0.25, float((f @ w)[0]) + 0.25
    if kind == "simple":
        expected = {"discr_loss": (x - 1) ** 2 + (y + 1) ** 2,
                    "gen_loss": (y - 1) ** 2}
    else:
        expected = {"discr_loss": y - x, "gen_loss": -y}
    if kind in GP_CLASSES:
        expected["gp"] = (np.linalg.norm(w) - 1) ** 2
    assert set(logs) == set(expected)
    for key, value in expected.items():
        assert logs[key] == pytest.approx(value, abs=1e-5), key


@pytest.mark.parametrize("kind", GP_CLASSES)
def test_flat_critic_keeps_training_finite(kind):
    """A critic with zero gradient (here a constant) must not give NaN.

    ||grad D|| = 0 is where the square root has no derivative: the
    penalty's own gradient must stay finite there, or one flat critic
    turns every weight into NaN. A tanh critic saturated on a single
    example of the batch (inputs of size ~100) is enough to get there.
    """
    gan = make_gan(kind, disc_iter=1)
    for layer in gan.discriminator.layers:
        kernel, bias = layer.get_weights()
        layer.set_weights([np.zeros_like(kernel), np.full_like(bias, 0.75)])
    logs = gan.train_step(None)
    assert float(logs["gp"]) == pytest.approx(1.0)
    for weight in gan.discriminator.get_weights():
        assert np.all(np.isfinite(weight))


# Samples ----------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_sample_shapes(kind):
    """Fake and real samples have batch_size (or `size`) rows of examples."""
    gan = make_gan(kind)
    assert tuple(gan.get_fake_sample().shape) == (20, EXAMPLE_DIM)
    assert tuple(gan.get_fake_sample(7).shape) == (7, EXAMPLE_DIM)
    assert tuple(gan.get_fake_sample(7, training=True).shape) == (7, 4)
    assert tuple(gan.get_real_sample().shape) == (20, EXAMPLE_DIM)
    assert tuple(gan.get_real_sample(7).shape) == (7, EXAMPLE_DIM)


@pytest.mark.parametrize("kind", sorted(CLASSES))
@pytest.mark.parametrize("size", [20, 100])
def test_real_sample_rows_without_repeats(kind, size):
    """Real samples are rows of real_examples, never the same row twice."""
    real = real_rows()
    gan = make_gan(kind, real=real)
    for _ in range(3):
        sample = np.asarray(gan.get_real_sample(size))
        indices = row_labels(sample)
        np.testing.assert_array_equal(sample, real[indices])
        assert len(set(indices)) == size


# Interpolation and gradient penalty ----------------------------------------

@pytest.mark.parametrize("kind", GP_CLASSES)
@pytest.mark.parametrize("shape", [(EXAMPLE_DIM,), (5, 5, 1)])
def test_interpolation_on_the_segment(kind, shape):
    """x_hat = u real + (1 - u) fake, u in [0, 1], one u per example."""
    if len(shape) == 1:
        gan = make_gan(kind)
    else:
        generator, critic = picture_pair(shape)
        gan = make_gan(kind, generator, critic,
                       real=np.zeros((100,) + shape, "float32"))
    rng = np.random.default_rng(1)
    fake = rng.normal(size=(50,) + shape).astype("float32")
    real = fake + 1 + rng.uniform(size=fake.shape).astype("float32")
    mixed = np.asarray(gan.get_interpolated_sample(real, fake))
    assert mixed.shape == fake.shape
    u = (mixed - fake) / (real - fake)
    per_example = u.reshape(50, -1)
    np.testing.assert_allclose(per_example,
                               per_example[:, :1] * np.ones_like(per_example),
                               atol=1e-5)
    assert np.all(per_example >= -1e-6) and np.all(per_example <= 1 + 1e-6)
    assert len(np.unique(np.round(per_example[:, 0], 6))) > 40


@pytest.mark.parametrize("kind", GP_CLASSES)
@pytest.mark.parametrize("norm", [0.5, 3.0])
def test_gradient_penalty_of_linear_critic_on_vectors(kind, norm):
    """For D(x) = w.x + b, the penalty is (||w|| - 1)^2 wherever x is."""
    generator, _ = dense_pair()
    critic = linear_critic()
    direction = np.array([[1.0], [-2.0], [2.0], [4.0]], dtype="float32")
    w = direction / np.linalg.norm(direction) * norm
    critic.layers[-1].set_weights([w, np.array([0.3], "float32")])
    gan = make_gan(kind, generator, critic)
    x = np.random.default_rng(2).normal(size=(30, EXAMPLE_DIM))
    penalty = float(gan.gradient_penalty(tf.constant(x, "float32")))
    assert penalty == pytest.approx((norm - 1) ** 2, rel=1e-4)


@pytest.mark.parametrize("kind", GP_CLASSES)
@pytest.mark.parametrize("norm", [0.5, 3.0])
def test_gradient_penalty_of_linear_critic_on_pictures(kind, norm):
    """The norm runs over every pixel: Dense(1) on Flatten of a picture."""
    generator, critic = picture_pair((5, 5, 1))
    w = np.random.default_rng(3).normal(size=(25, 1)).astype("float32")
    w *= norm / np.linalg.norm(w)
    critic.layers[-1].set_weights([w, np.array([-1.0], "float32")])
    gan = make_gan(kind, generator, critic,
                   real=np.zeros((100, 5, 5, 1), "float32"))
    x = np.random.default_rng(4).normal(size=(30, 5, 5, 1))
    penalty = float(gan.gradient_penalty(tf.constant(x, "float32")))
    assert penalty == pytest.approx((norm - 1) ** 2, rel=1e-4)


# Training steps -----------------------------------------------------------

@pytest.mark.parametrize("disc_iter", [1, 3])
def test_clipping_keeps_critic_weights_in_the_unit_box(disc_iter):
    """After one WGAN_clip step every critic weight lies in [-1, 1].

    The weights start at 5 and Adam's first update moves each by at most
    the learning rate, so after a single critic update all of them must
    have been clipped to exactly 1.
    """
    gan = make_gan("clip", disc_iter=disc_iter)
    for layer in gan.discriminator.layers:
        layer.set_weights([np.full(w.shape, 5.0, "float32")
                           for w in layer.get_weights()])
    gan.train_step(None)
    weights = np.concatenate([w.ravel() for w in
                              gan.discriminator.get_weights()])
    assert weights.min() >= -1 and weights.max() <= 1
    if disc_iter == 1:
        np.testing.assert_array_equal(weights, 1.0)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_train_step_changes_both_networks(kind):
    """One step moves every weight of both networks but one, and returns
    the documented keys.

    The exception: a Wasserstein loss mean(D(fake)) - mean(D(real)) does
    not depend on the critic's output bias, whose gradient is 0, so Adam
    leaves it as it is.
    """
    gan = make_gan(kind)
    before = [snapshot(gan.generator), snapshot(gan.discriminator)]
    logs = gan.train_step(None)
    assert set(logs) == LOSS_KEYS[kind]
    assert all(np.isfinite(float(value)) for value in logs.values())
    changed = [[not np.array_equal(a, b) for a, b in zip(old, snapshot(net))]
               for net, old in zip((gan.generator, gan.discriminator),
                                   before)]
    assert all(changed[0])
    if kind == "simple":
        assert all(changed[1])
    else:
        assert changed[1] == [True] * (len(changed[1]) - 1) + [False]


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_fit_is_deterministic_under_a_seed(kind):
    """Two runs from the same seed give the same history, another differs."""
    first = fit_history(kind, seed=7)
    assert first == fit_history(kind, seed=7)
    assert first != fit_history(kind, seed=8)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_fit_runs_steps_per_epoch_with_few_examples(kind):
    """fit(real, steps_per_epoch=30) runs 30 steps per epoch on 100 rows.

    100 rows make 4 Keras batches of 32, far fewer than 30 steps: the
    batches are ignored by train_step, so they must not cut epochs short.
    """
    keras.utils.set_random_seed(0)
    gan = make_gan(kind)
    gan.compile()
    counter = StepCounter()
    history = gan.fit(gan.real_examples, epochs=2, steps_per_epoch=30,
                      verbose=0, callbacks=[counter])
    assert counter.counts == [30, 30]
    assert all(len(values) == 2 for values in history.history.values())


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_history_keys(kind):
    """History holds exactly the documented losses, one value per epoch."""
    history = fit_history(kind, epochs=2, steps=2)
    assert set(history) == LOSS_KEYS[kind]
    assert all(len(values) == 2 for values in history.values())


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_float64_real_examples_train(kind):
    """float64 real examples (NumPy's default) train with every class."""
    history = fit_history(kind, epochs=1, steps=2,
                          real=real_rows(dtype="float64"))
    assert all(np.isfinite(v) for values in history.values()
               for v in values)


@pytest.mark.parametrize("kind", GP_CLASSES)
def test_flat_faces_train_a_picture_generator(kind):
    """(16, 16) faces train a generator of (16, 16, 1) pictures."""
    keras.utils.set_random_seed(0)
    generator, critic = picture_pair((16, 16, 1))
    faces = np.random.default_rng(5).uniform(size=(40, 16, 16))
    gan = make_gan(kind, generator, critic, real=faces, batch_size=8)
    gan.compile()
    history = gan.fit(faces, epochs=1, steps_per_epoch=2, verbose=0).history
    assert set(history) == LOSS_KEYS[kind]
    assert all(np.isfinite(v) for values in history.values()
               for v in values)


# Task 3's networks ----------------------------------------------------------

GENERATOR_LAYERS = [
    ("InputLayer", (16,)), ("Dense", (2048,)), ("Reshape", (2, 2, 512)),
    ("UpSampling2D", (4, 4, 512)), ("Conv2D", (4, 4, 64)),
    ("BatchNormalization", (4, 4, 64)), ("Activation", (4, 4, 64)),
    ("UpSampling2D", (8, 8, 64)), ("Conv2D", (8, 8, 16)),
    ("BatchNormalization", (8, 8, 16)), ("Activation", (8, 8, 16)),
    ("UpSampling2D", (16, 16, 16)), ("Conv2D", (16, 16, 1)),
    ("BatchNormalization", (16, 16, 1)), ("Activation", (16, 16, 1))]
DISCRIMINATOR_LAYERS = [
    ("InputLayer", (16, 16, 1)), ("Conv2D", (16, 16, 32)),
    ("MaxPooling2D", (8, 8, 32)), ("Activation", (8, 8, 32)),
    ("Conv2D", (8, 8, 64)), ("MaxPooling2D", (4, 4, 64)),
    ("Activation", (4, 4, 64)), ("Conv2D", (4, 4, 128)),
    ("MaxPooling2D", (2, 2, 128)), ("Activation", (2, 2, 128)),
    ("Conv2D", (2, 2, 256)), ("MaxPooling2D", (1, 1, 256)),
    ("Activation", (1, 1, 256)), ("Flatten", (256,)), ("Dense", (1,))]


def layer_list(model):
    """Return (class name, output shape without batch) for every layer."""
    return [(type(layer).__name__, tuple(layer.output.shape)[1:])
            for layer in model.layers]


def count(weights):
    """Return the number of scalars in a list of weights."""
    return int(sum(np.prod(w.shape) for w in weights))


def test_convolutional_networks():
    """Task 3's networks: layers, shapes and parameter counts."""
    networks = importlib.import_module("3-generate_faces")
    generator, discriminator = networks.convolutional_GenDiscr()
    assert layer_list(generator) == GENERATOR_LAYERS
    assert layer_list(discriminator) == DISCRIMINATOR_LAYERS
    assert generator.count_params() == 339_493
    assert count(generator.trainable_weights) == 339_331
    assert discriminator.count_params() == 388_097
    assert count(discriminator.trainable_weights) == 388_097
    pictures = generator(tf.random.normal((3, 16)))
    assert tuple(pictures.shape) == (3, 16, 16, 1)
    assert tuple(discriminator(pictures).shape) == (3, 1)


# Task 4: replace_weights ----------------------------------------------------

def bn_pair(width=6):
    """Return a tiny generator with BatchNormalization and a critic."""
    generator = keras.Sequential([keras.Input((LATENT_DIM,)),
                                  keras.layers.Dense(width),
                                  keras.layers.BatchNormalization(),
                                  keras.layers.Dense(EXAMPLE_DIM)])
    _, critic = dense_pair()
    return generator, critic


def randomize(model, seed):
    """Set every weight of `model` to random values (variances > 0)."""
    rng = np.random.default_rng(seed)
    model.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32")
                       for w in model.get_weights()])


def outputs(gan, probe):
    """Return the generator's pictures and the critic's values on them."""
    fakes = gan.generator(probe, training=False)
    return [np.asarray(fakes),
            np.asarray(gan.discriminator(fakes, training=False))]


@pytest.fixture
def gan4():
    """A task-4 WGAN_GP with a BatchNormalization layer in the generator."""
    generator, critic = bn_pair()
    return make_gan("gp4", generator, critic)


@pytest.fixture
def saved(gan4, tmp_path):
    """Weights A saved with save_weights_h5; the networks then hold B."""
    randomize(gan4.generator, 1)
    randomize(gan4.discriminator, 2)
    probe = np.random.default_rng(0).normal(size=(6, LATENT_DIM))
    expected = outputs(gan4, probe)
    paths = (str(tmp_path / "gen.h5"), str(tmp_path / "disc.h5"))
    TASK4.save_weights_h5(gan4.generator, paths[0])
    TASK4.save_weights_h5(gan4.discriminator, paths[1])
    randomize(gan4.generator, 3)
    randomize(gan4.discriminator, 4)
    return paths, probe, expected


def test_replace_weights_round_trip(gan4, saved):
    """Saved, perturbed, replaced: the networks compute as before."""
    paths, probe, expected = saved
    assert not np.allclose(outputs(gan4, probe)[0], expected[0])
    gan4.replace_weights(*paths)
    for got, want in zip(outputs(gan4, probe), expected):
        np.testing.assert_allclose(got, want, rtol=1e-6)


def corrupt_file(folder):
    """Return the path of a file whose bytes are not HDF5."""
    path = folder / "corrupt.h5"
    path.write_bytes(b"\x89HDF\r\n\x1a\n" + b"not really" * 50)
    return str(path)


def truncated_file(folder, source):
    """Return the path of the first half of a good weight file."""
    path = folder / "truncated.h5"
    with open(source, "rb") as stream:
        data = stream.read()
    path.write_bytes(data[:len(data) // 2])
    return str(path)


def foreign_files(folder):
    """Return (generator, critic) files of another architecture."""
    generator, critic = dense_pair()
    wide_generator = keras.Sequential([keras.Input((LATENT_DIM,)),
                                       keras.layers.Dense(9),
                                       keras.layers.Dense(EXAMPLE_DIM)])
    wide_critic = keras.Sequential([keras.Input((EXAMPLE_DIM,)),
                                    keras.layers.Dense(9),
                                    keras.layers.Dense(1)])
    paths = (str(folder / "foreign_gen.h5"), str(folder / "foreign_disc.h5"))
    TASK4.save_weights_h5(wide_generator, paths[0])
    TASK4.save_weights_h5(wide_critic, paths[1])
    return paths


def empty_h5(folder):
    """Return the path of a valid HDF5 file holding no weights."""
    path = str(folder / "empty.h5")
    with h5py.File(path, "w") as h5:
        h5.create_dataset("something", data=np.zeros(3))
    return path


@pytest.mark.parametrize("bad", ["missing", "corrupt", "truncated",
                                 "empty", "foreign"])
@pytest.mark.parametrize("position", [0, 1])
def test_replace_weights_is_atomic(gan4, saved, tmp_path, bad, position):
    """A bad file for either network: error naming it, both nets intact."""
    paths, probe, _ = saved
    if bad == "missing":
        bad_path = str(tmp_path / "missing.h5")
    elif bad == "corrupt":
        bad_path = corrupt_file(tmp_path)
    elif bad == "truncated":
        bad_path = truncated_file(tmp_path, paths[position])
    elif bad == "empty":
        bad_path = empty_h5(tmp_path)
    else:
        bad_path = foreign_files(tmp_path)[position]
    arguments = list(paths)
    arguments[position] = bad_path
    before = [snapshot(gan4.generator), snapshot(gan4.discriminator)]
    with pytest.raises((FileNotFoundError, ValueError)) as error:
        gan4.replace_weights(*arguments)
    assert bad_path in str(error.value)
    for net, old in zip((gan4.generator, gan4.discriminator), before):
        for a, b in zip(old, snapshot(net)):
            np.testing.assert_array_equal(a, b)


def own_save(model, path, layout):
    """Write `path` with Keras's own save_weights in the given layout.

    Keras chooses the layout from the name (`.weights.h5`: new layout),
    so the file is written under a fitting name, then renamed.
    """
    written = path + (".weights.h5" if layout == "keras3" else ".h5")
    model.save_weights(written)
    return written


def keras_major():
    """Return the major version of the running Keras."""
    return int(importlib.metadata.version("keras").split(".")[0])


@pytest.mark.parametrize("layout", ["legacy", "keras3"])
@pytest.mark.parametrize("name", ["x.h5", "x.weights.h5"])
def test_keras_own_files_load_under_both_names(gan4, tmp_path, layout,
                                               name):
    """Keras's own save_weights files load whatever their name says."""
    if layout == "legacy" and keras_major() >= 3:
        pytest.skip("Keras 3 writes only the new layout (the Keras 2 "
                    "files are covered by tests/test_compat.py)")
    randomize(gan4.generator, 5)
    randomize(gan4.discriminator, 6)
    probe = np.random.default_rng(0).normal(size=(6, LATENT_DIM))
    expected = outputs(gan4, probe)
    paths = []
    for net, stem in ((gan4.generator, "gen"),
                      (gan4.discriminator, "disc")):
        written = own_save(net, str(tmp_path / stem), layout)
        assert TASK4.weights_layout(written) == layout
        target = str(tmp_path / f"{stem}_{name}")
        os.replace(written, target)
        paths.append(target)
    randomize(gan4.generator, 7)
    randomize(gan4.discriminator, 8)
    gan4.replace_weights(*paths)
    for got, want in zip(outputs(gan4, probe), expected):
        np.testing.assert_allclose(got, want, rtol=1e-6)


# Constructor validation -----------------------------------------------------

BAD_OPTIONS = [
    ("batch_size", 0, ValueError), ("batch_size", -3, ValueError),
    ("batch_size", 101, ValueError), ("batch_size", 2.5, TypeError),
    ("batch_size", "20", TypeError), ("batch_size", True, TypeError),
    ("disc_iter", 0, ValueError), ("disc_iter", 1.0, TypeError),
    ("learning_rate", 0, ValueError), ("learning_rate", -0.1, ValueError),
    ("learning_rate", float("nan"), ValueError),
    ("learning_rate", "fast", TypeError)]


@pytest.mark.parametrize("kind", sorted(CLASSES))
@pytest.mark.parametrize("name, value, error", BAD_OPTIONS)
def test_bad_options_are_refused(kind, name, value, error):
    """A bad option raises TypeError/ValueError naming the argument."""
    with pytest.raises(error, match=name):
        make_gan(kind, **{name: value})


@pytest.mark.parametrize("kind", GP_CLASSES)
@pytest.mark.parametrize("value, error", [(-1, ValueError),
                                          (float("nan"), ValueError),
                                          ("10", TypeError)])
def test_bad_lambda_gp_is_refused(kind, value, error):
    """lambda_gp must be a number >= 0."""
    with pytest.raises(error, match="lambda_gp"):
        make_gan(kind, lambda_gp=value)


@pytest.mark.parametrize("kind", GP_CLASSES)
def test_zero_lambda_gp_is_accepted(kind):
    """lambda_gp = 0 (no penalty) is allowed."""
    assert make_gan(kind, lambda_gp=0).lambda_gp == 0


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_generator_and_critic_shapes_must_agree(kind):
    """A generator of 4-vectors cannot feed a critic of 5-vectors."""
    generator, _ = dense_pair(EXAMPLE_DIM)
    _, critic = dense_pair(EXAMPLE_DIM + 1)
    with pytest.raises(ValueError, match="discriminator"):
        make_gan(kind, generator, critic)


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_real_examples_must_fit_the_generator(kind):
    """Real examples of another shape are refused, size-1 axes aside."""
    generator, critic = dense_pair()
    with pytest.raises(ValueError, match="real.example"):
        make_gan(kind, generator, critic, real=real_rows(dim=5))
    with pytest.raises(ValueError, match="real_examples"):
        make_gan(kind, generator, critic, real=np.zeros(100, "float32"))
    # One size-1 axis more is the same example: accepted.
    gan = make_gan(kind, generator, critic,
                   real=real_rows()[:, :, None])
    assert gan.real_examples.shape == (100, EXAMPLE_DIM, 1)
