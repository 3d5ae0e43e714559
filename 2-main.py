#!/usr/bin/env python3
"""Task 2 demo: WGAN_GP on four clouds, then three GANs on a 49-D cloud.

First a WGAN_GP learns the four clouds of R^5 as in tasks 0 and 1
(2-four_clouds.png). Then Simple_GAN, WGAN_clip and WGAN_GP each learn the
"cloud in the corner": 10,000 points .8 + .05 * eps of R^49, networks
[49, 98, 98, 49], learning rate 3e-5, 100 epochs of 250 steps, batches of
200. Each generator draws 500 fakes, measured by msdcc (mean squared
distance to the centre, expected N sigma^2 = .1225) and dbc (squared
distance from their barycenter to the centre, expected N sigma^2 / 500).
Figures: 2-cloud_losses.png (losses and measures) and 2-cloud_pictures.png
(100 vectors of each model and of the real cloud as 7x7 pictures).
"""
from gantools import task
from gantools.demo import (demo_parser, four_clouds_demo, output,
                           parse_demo, saved)
from gantools.metrics import (expected_mean_squared_dist_cloud_to_center,
                              expected_squared_dist_barycenter_to_center,
                              mean_squared_dist_cloud_to_center,
                              squared_dist_barycenter_to_center)
from gantools.networks import train_gan
from gantools.plots import cloud_losses, recorded_losses, vector_pictures
from gantools.randomness import set_seeds
from gantools.toy import cloud_in_the_corner

Simple_GAN = task("0-simple_gan").Simple_GAN
WGAN_clip = task("1-wgan_clip").WGAN_clip
WGAN_GP = task("2-wgan_gp").WGAN_GP

N, SIGMA, REAL_SIZE, FAKE_SIZE = 49, .05, 10000, 500


def measure(name, G):
    """Return the losses and cloud measures of G's 500 fakes, printed."""
    fakes = G.get_fake_sample(FAKE_SIZE).numpy()
    losses, steps_per_epoch = recorded_losses(G)
    result = {"name": name, "losses": losses, "fakes": fakes,
              "steps_per_epoch": steps_per_epoch,
              "msdcc": mean_squared_dist_cloud_to_center(fakes),
              "dbc": squared_dist_barycenter_to_center(fakes)}
    print(f"{name:>10}: msdcc {result['msdcc']:.4f}   "
          f"dbc {result['dbc']:.6f}")
    return result


def main():
    """Train on the four clouds, then compare the three GANs."""
    args = parse_demo(demo_parser(__doc__))
    four_clouds_demo(WGAN_GP, args, "2-four_clouds.png")

    epochs, steps = (1, 3) if args.quick else (100, 250)
    set_seeds(args.seed)
    real = cloud_in_the_corner(N, SIGMA, REAL_SIZE)
    results = [measure(gan_class.__name__,
                       train_gan(gan_class, real, [N, 2 * N, 2 * N, N],
                                 epochs, steps, learning_rate=3e-5))
               for gan_class in (Simple_GAN, WGAN_clip, WGAN_GP)]
    expected = (expected_mean_squared_dist_cloud_to_center(N, SIGMA),
                expected_squared_dist_barycenter_to_center(N, SIGMA,
                                                           FAKE_SIZE))
    print(f"  expected: msdcc {expected[0]:.4f}   dbc {expected[1]:.6f}")
    saved(cloud_losses(results, expected, f"cloud in the corner of R^{N}, "
                       f"{FAKE_SIZE} fakes per GAN, {epochs} x {steps} "
                       "steps", output(args, "2-cloud_losses.png"),
                       args.show))
    samples = {"real": real[:100]}
    samples.update((r["name"], r["fakes"][:100]) for r in results)
    saved(vector_pictures(samples, 7, "100 vectors of R^49 as 7x7 pictures",
                          output(args, "2-cloud_pictures.png"), args.show))


if __name__ == "__main__":
    main()
