import { useState } from 'react';

export type GeolocationProblem = 'denied' | 'unavailable' | 'unsupported';

/** Asks the browser for the position once per call; explains why when it cannot be had. */
export function useGeolocation() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<GeolocationProblem | null>(null);

  function locate(onPosition: (lat: number, lng: number) => void) {
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setPending(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setPending(false);
        onPosition(position.coords.latitude, position.coords.longitude);
      },
      (error) => {
        setPending(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 5 * 60_000 },
    );
  }

  return { locate, pending, problem };
}
