#!/usr/bin/env python3
"""Task 0: the simple GAN, trained with least-squares losses.

The critic (discriminator) D learns to output +1 on real examples and -1
on fakes; the generator G learns to make D output +1 on its fakes:

    discriminator loss  MSE(D(x_real), 1) + MSE(D(G(z)), -1)
    generator loss      MSE(D(G(z)), 1)

One training step makes `disc_iter` Adam steps on the critic, then one on
the generator.
"""
import numbers

import tensorflow as tf
from tensorflow import keras


def mean_squared_error(values, target):
    """Mean over all entries of (values - target)^2, target a scalar."""
    return tf.reduce_mean(tf.square(values - target))


def check_arguments(generator, discriminator, real_examples, batch_size,
                    disc_iter, learning_rate):
    """Raise TypeError/ValueError, naming the argument, on what cannot train.

    Size-1 axes are ignored when a real example is compared with a fake:
    (16, 16) faces feed a generator of (16, 16, 1) pictures, as in the
    course's mains.
    """
    for name, value in (("batch_size", batch_size), ("disc_iter", disc_iter)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an integer, got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    if isinstance(learning_rate, bool) or not isinstance(learning_rate,
                                                         numbers.Real):
        raise TypeError(f"learning_rate must be a number, got "
                        f"{learning_rate!r}")
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive, got "
                         f"{learning_rate}")
    real_shape = tuple(getattr(real_examples, "shape", ()))
    if len(real_shape) < 2 or batch_size > real_shape[0]:
        raise ValueError(f"real_examples of shape {real_shape} cannot give "
                         f"a batch of batch_size={batch_size} examples")
    fake_shape = tuple(generator.outputs[0].shape[1:])
    critic_shape = tuple(discriminator.inputs[0].shape[1:])
    if fake_shape != critic_shape:
        raise ValueError(f"the generator's output shape {fake_shape} differs "
                         f"from the discriminator's input shape "
                         f"{critic_shape}")
    squeezed = [[d for d in shape if d != 1]
                for shape in (fake_shape, real_shape[1:])]
    if squeezed[0] != squeezed[1]:
        raise ValueError(f"the generator's output shape {fake_shape} differs "
                         f"from the shape of one real example "
                         f"{real_shape[1:]}")


class Simple_GAN(keras.Model):
    """A GAN whose critic separates real (+1) from fake (-1) samples."""

    def __init__(self, generator, discriminator, latent_generator,
                 real_examples, batch_size=200, disc_iter=2,
                 learning_rate=.005):
        """Keep the two networks, their losses and Adam optimizers.

        generator: keras.Model, latent vectors (k, d) -> examples (k, ...)
        discriminator: keras.Model, examples (k, ...) -> values (k, 1)
        latent_generator: callable, k -> k latent vectors, shape (k, d)
        real_examples: array (n, ...) of real examples
        """
        super().__init__()
        check_arguments(generator, discriminator, real_examples,
                        batch_size, disc_iter, learning_rate)
        self.latent_generator = latent_generator
        self.real_examples = real_examples
        self.generator = generator
        self.discriminator = discriminator
        self.batch_size = batch_size
        self.disc_iter = disc_iter
        self.learning_rate = learning_rate
        self.beta_1 = .5
        self.beta_2 = .9

        self.generator.loss = lambda x: mean_squared_error(x, 1)
        self.generator.optimizer = keras.optimizers.Adam(
            learning_rate=self.learning_rate,
            beta_1=self.beta_1, beta_2=self.beta_2)
        self.generator.compile(optimizer=self.generator.optimizer,
                               loss=self.generator.loss)

        self.discriminator.loss = (
            lambda x, y: mean_squared_error(x, 1) + mean_squared_error(y, -1))
        self.discriminator.optimizer = keras.optimizers.Adam(
            learning_rate=self.learning_rate,
            beta_1=self.beta_1, beta_2=self.beta_2)
        self.discriminator.compile(optimizer=self.discriminator.optimizer,
                                   loss=self.discriminator.loss)

    def get_fake_sample(self, size=None, training=False):
        """Return generator(latent vectors): `size` fakes (default batch)."""
        if size is None:
            size = self.batch_size
        return self.generator(self.latent_generator(size), training=training)

    def get_real_sample(self, size=None):
        """Return `size` rows of real_examples, drawn without replacement."""
        if size is None:
            size = self.batch_size
        indices = tf.range(tf.shape(self.real_examples)[0])
        chosen = tf.random.shuffle(indices)[:size]
        return tf.gather(self.real_examples, chosen)

    def fit(self, x=None, *args, steps_per_epoch=None, **kwargs):
        """Keras's fit, fed an endless stream when steps_per_epoch is set.

        train_step draws its own samples and ignores the batch; left to
        itself, Keras would batch x and end an epoch early when x holds
        fewer than steps_per_epoch batches.
        """
        if steps_per_epoch is not None:
            x = tf.data.Dataset.from_tensors(0.).repeat()
            kwargs.setdefault("shuffle", False)
        return super().fit(x, *args, steps_per_epoch=steps_per_epoch,
                           **kwargs)

    def as_fake(self, real_sample, fake_sample):
        """Give a real sample the dtype and shape of the fake sample.

        Real examples may be float64, or (16, 16) faces for a generator of
        (16, 16, 1) pictures: the critic must see both in one layout.
        """
        real_sample = tf.cast(real_sample, fake_sample.dtype)
        return tf.reshape(real_sample, tf.shape(fake_sample))

    def train_step(self, useless_argument):
        """One step: `disc_iter` critic updates, then one generator update.

        The batch Keras passes is ignored: samples come from
        real_examples and latent_generator. Returns the last critic loss
        and the generator loss.
        """
        for _ in range(self.disc_iter):
            real_sample = self.get_real_sample()
            fake_sample = self.get_fake_sample(training=True)
            real_sample = self.as_fake(real_sample, fake_sample)
            with tf.GradientTape() as tape:
                discr_loss = self.discriminator.loss(
                    self.discriminator(real_sample, training=True),
                    self.discriminator(fake_sample, training=True))
            critic_weights = self.discriminator.trainable_variables
            self.discriminator.optimizer.apply_gradients(
                zip(tape.gradient(discr_loss, critic_weights),
                    critic_weights))

        with tf.GradientTape() as tape:
            fake_sample = self.get_fake_sample(training=True)
            gen_loss = self.generator.loss(
                self.discriminator(fake_sample, training=True))
        generator_weights = self.generator.trainable_variables
        self.generator.optimizer.apply_gradients(
            zip(tape.gradient(gen_loss, generator_weights),
                generator_weights))

        return {"discr_loss": discr_loss, "gen_loss": gen_loss}
