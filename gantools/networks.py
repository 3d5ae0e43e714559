#!/usr/bin/env python3
"""The course's fully connected networks and its small training routine.

A "shape" [d_0, d_1, ..., d_m] describes both networks at once: the
generator maps latent vectors of R^d_0 through hidden layers d_1 ... d_m-1
to examples of R^d_m; the critic (discriminator) mirrors it, from R^d_m
through d_m-1 ... d_1 to one value.
"""
from tensorflow import keras

from gantools.randomness import latent_generator as make_latent_generator


def dense_stack(inputs, widths, last_width, last_activation):
    """Chain tanh Dense layers of `widths`, then one Dense(last_width)."""
    hidden = inputs
    for width in widths:
        hidden = keras.layers.Dense(width, activation="tanh")(hidden)
    return keras.layers.Dense(last_width, activation=last_activation)(hidden)


def fully_connected_GenDiscr(gen_shape, real_examples, latent_type="normal"):
    """Return (generator, discriminator, latent_generator) for gen_shape.

    generator: (k, d_0) -> Dense d_1 tanh -> ... -> Dense d_m-1 tanh
        -> Dense d_m sigmoid -> (k, d_m), values in [0, 1];
    discriminator: (k, d_m) -> Dense d_m-1 tanh -> ... -> Dense d_1 tanh
        -> Dense 1 tanh -> (k, 1), values in [-1, 1];
    latent_generator: k -> (k, d_0) latent vectors of `latent_type`
        ("normal", "uniform" or "spheric").
    real_examples is unused, kept for the course's signature.
    """
    hidden_widths = list(gen_shape[1:-1])
    latent = keras.Input(shape=(gen_shape[0],))
    generator = keras.Model(
        latent, dense_stack(latent, hidden_widths, gen_shape[-1], "sigmoid"),
        name="generator")
    example = keras.Input(shape=(gen_shape[-1],))
    discriminator = keras.Model(
        example, dense_stack(example, hidden_widths[::-1], 1, "tanh"),
        name="discriminator")
    return (generator, discriminator,
            make_latent_generator(latent_type, gen_shape[0]))


class LossRecorder(keras.callbacks.Callback):
    """Keep every training step's losses: {name: [value per step]}.

    Keras's history keeps one value per epoch; the loss curves need all.
    """

    def on_train_begin(self, logs=None):
        """Start with no recorded step."""
        self.losses = {}

    def on_train_batch_end(self, batch, logs=None):
        """Append this step's values to their lists."""
        for name, value in (logs or {}).items():
            self.losses.setdefault(name, []).append(float(value))


def fit_gan(gan, real_examples, epochs, steps_per_epoch):
    """Fit a compiled GAN with Keras's progress bar; return it.

    The per-step losses end up in gan.history.step_losses, where
    gantools.plots.recorded_losses finds them.
    """
    recorder = LossRecorder()
    gan.fit(real_examples, epochs=epochs, steps_per_epoch=steps_per_epoch,
            verbose=1, callbacks=[recorder])
    gan.history.step_losses = recorder.losses
    return gan


def generate(generator, latent, batch_size=500):
    """Return generator(latent) as numpy, `batch_size` vectors at a time.

    Batches bound the memory the convolutional generator needs for
    thousands of fakes.
    """
    return generator.predict(latent, batch_size=batch_size, verbose=0)


def train_gan(gan_class, real_examples, gen_shape, epochs, steps_per_epoch,
              learning_rate, batch_size=200, latent_type="normal", **options):
    """Build fully connected networks, train a `gan_class` GAN, return it.

    The course's example_fully_connected_GAN: `options` (disc_iter,
    lambda_gp) go to the GAN's constructor; fit shows Keras's progress
    bar, and the returned model keeps the per-epoch losses in
    G.history.history and the per-step ones in G.history.step_losses.
    """
    generator, discriminator, latent_generator = fully_connected_GenDiscr(
        gen_shape, real_examples, latent_type=latent_type)
    gan = gan_class(generator, discriminator, latent_generator,
                    real_examples, batch_size=batch_size,
                    learning_rate=learning_rate, **options)
    gan.compile()
    return fit_gan(gan, real_examples, epochs, steps_per_epoch)
