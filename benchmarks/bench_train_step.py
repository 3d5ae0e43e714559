#!/usr/bin/env python3
"""Milliseconds per train_step of the three GAN classes, against a floor.

    python benchmarks/bench_train_step.py [--steps 200] [--repeats 3]

For each class and each pair of networks (the 49-D toy networks of task
2's main, and the task-3 face networks) it times `fit` and a minimal
hand-written `tf.function` doing the same arithmetic (the floor): the
same samples, losses, penalty, clipping and Adam updates, with no Keras
training loop around them. The ratio fit / floor is the price of Keras's
loop; `compile(steps_per_execution=10)` pays it once per 10 steps (same
steps, coarser progress bar). Each figure is the best of `--repeats` timed
epochs after a warm-up.
"""
import argparse
import importlib.metadata
import os
import sys
import time

import numpy as np
import tensorflow as tf
from tensorflow import keras

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))
from gantools import task  # noqa: E402  (after the path set-up)
from gantools.faces import Faces  # noqa: E402
from gantools.networks import fully_connected_GenDiscr  # noqa: E402
from gantools.randomness import latent_generator  # noqa: E402
from gantools.toy import cloud_in_the_corner  # noqa: E402

EXECUTION = 10
CLASSES = {"Simple_GAN": ("0-simple_gan", "Simple_GAN"),
           "WGAN_clip": ("1-wgan_clip", "WGAN_clip"),
           "WGAN_GP": ("2-wgan_gp", "WGAN_GP")}


def toy_setup():
    """Return (generator, critic, latent generator, real) of the 49-D run."""
    real = cloud_in_the_corner(49, .05, 10000)
    generator, critic, latent = fully_connected_GenDiscr([49, 98, 98, 49],
                                                         real)
    return generator, critic, latent, real


def faces_setup():
    """Return (generator, critic, latent generator, real) for the faces."""
    generator, critic = task("3-generate_faces").convolutional_GenDiscr()
    return (generator, critic, latent_generator("normal", 16),
            Faces().normalized)


NETWORKS = {"toy": (toy_setup, 200), "faces": (faces_setup, 64)}


def make_gan(name, setup, batch_size, steps_per_execution=1):
    """Build and compile one GAN of class `name` on fresh networks."""
    module, cls = CLASSES[name]
    generator, critic, latent, real = setup()
    gan = getattr(task(module), cls)(generator, critic, latent, real,
                                     batch_size=batch_size,
                                     learning_rate=1e-4)
    gan.compile(steps_per_execution=steps_per_execution)
    return gan


def floor_step(gan, name):
    """Return a tf.function doing one train_step's arithmetic by hand."""
    real_examples = tf.constant(gan.real_examples, "float32")
    count, batch = real_examples.shape[0], gan.batch_size
    generator, critic = gan.generator, gan.discriminator

    def critic_loss(real, fake):
        """The class's critic objective, penalty included."""
        if name == "Simple_GAN":
            return (tf.reduce_mean(tf.square(critic(real) - 1))
                    + tf.reduce_mean(tf.square(critic(fake) + 1)))
        loss = tf.reduce_mean(critic(fake)) - tf.reduce_mean(critic(real))
        if name == "WGAN_GP":
            u = tf.random.uniform([batch] + [1] * (len(real.shape) - 1))
            mixed = u * real + (1 - u) * fake
            with tf.GradientTape() as tape:
                tape.watch(mixed)
                values = critic(mixed)
            grads = tape.gradient(values, mixed)
            norms = tf.sqrt(tf.reduce_sum(tf.square(grads), axis=tf.range(
                1, tf.rank(grads))))
            loss += 10 * tf.reduce_mean(tf.square(norms - 1))
        return loss

    def generator_loss(values):
        """The class's generator objective."""
        if name == "Simple_GAN":
            return tf.reduce_mean(tf.square(values - 1))
        return -tf.reduce_mean(values)

    @tf.function
    def step():
        """disc_iter critic updates, then one generator update."""
        for _ in range(gan.disc_iter):
            index = tf.random.shuffle(tf.range(count))[:batch]
            real = tf.gather(real_examples, index)
            fake = generator(gan.latent_generator(batch), training=True)
            with tf.GradientTape() as tape:
                loss = critic_loss(real, fake)
            weights = critic.trainable_variables
            critic.optimizer.apply_gradients(
                zip(tape.gradient(loss, weights), weights))
            if name == "WGAN_clip":
                for weight in weights:
                    weight.assign(tf.clip_by_value(weight, -1., 1.))
        with tf.GradientTape() as tape:
            loss = generator_loss(critic(generator(
                gan.latent_generator(batch), training=True)))
        weights = generator.trainable_variables
        generator.optimizer.apply_gradients(
            zip(tape.gradient(loss, weights), weights))
        return loss

    return step


def time_fit(gan, steps, repeats):
    """Best seconds per step of gan.fit over `repeats` timed epochs."""
    gan.fit(gan.real_examples, epochs=1, steps_per_epoch=5, verbose=0)
    best = np.inf
    for _ in range(repeats):
        began = time.perf_counter()
        gan.fit(gan.real_examples, epochs=1, steps_per_epoch=steps,
                verbose=0)
        best = min(best, (time.perf_counter() - began) / steps)
    return best


def time_floor(step, steps, repeats):
    """Best seconds per step of the hand-written step."""
    for _ in range(5):
        step()
    best = np.inf
    for _ in range(repeats):
        began = time.perf_counter()
        for _ in range(steps):
            loss = step()
        float(loss)
        best = min(best, (time.perf_counter() - began) / steps)
    return best


def main(argv=None):
    """Print a table: class, networks, ms/step of fit and floor, ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--networks", nargs="+", choices=sorted(NETWORKS),
                        default=sorted(NETWORKS, reverse=True))
    args = parser.parse_args(argv)
    print(f"TensorFlow {tf.__version__}, Keras "
          f"{importlib.metadata.version('keras')}, {os.cpu_count()} CPUs")
    print("| class | networks | batch | fit ms/step | floor ms/step | ratio "
          f"| fit, {EXECUTION} steps per call | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for networks in args.networks:
        setup, batch = NETWORKS[networks]
        for name in CLASSES:
            keras.utils.set_random_seed(0)
            fit = time_fit(make_gan(name, setup, batch), args.steps,
                           args.repeats)
            grouped = time_fit(make_gan(name, setup, batch, EXECUTION),
                               args.steps, args.repeats)
            floor = time_floor(floor_step(make_gan(name, setup, batch),
                                          name), args.steps, args.repeats)
            print(f"| {name} | {networks} | {batch} | {1000 * fit:.2f} | "
                  f"{1000 * floor:.2f} | {fit / floor:.3f} | "
                  f"{1000 * grouped:.2f} | {grouped / floor:.3f} |",
                  flush=True)


if __name__ == "__main__":
    main()
