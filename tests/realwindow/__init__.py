"""The real window on a real X display (Xvfb + openbox), at laptop size, 150 % and dark."""
