"""What every room stands on: errors for people, limits, the guards of what is read and linked, the build's options,
what a build is doing, worker processes."""
