import { useRef, useState } from 'react';
import { SIGN_IN_IDLE, type SignInStatus } from '../../shared/sign-in';
import { bridge } from '../bridge';
import { useMainValue } from './useMainValue';

export interface SignIn {
  /** The attempt under way or how the last one ended, as main reports it (idle until read). */
  status: SignInStatus;
  /** Why main refused to start or cancel, in its sentence; cleared by the next start. */
  refusal: string | null;
  /** "Sign in with Home Assistant" on this address: main opens the system browser. */
  start(url: string): Promise<void>;
  cancel(): Promise<void>;
}

/**
 * An instance's browser sign-in as a page drives it: main runs the attempt and reports it in the `signIn`
 * value; the page asks to start or cancel it and shows what main says.
 */
export function useSignIn(instance: string): SignIn {
  const status = useMainValue('signIn', instance) ?? SIGN_IN_IDLE;
  const [refusal, setRefusal] = useState<string | null>(null);
  // A double click would ask twice before the first answer: the second waits for nothing.
  const asking = useRef(false);

  async function start(url: string) {
    if (asking.current) return;
    asking.current = true;
    setRefusal(null);
    const reply = await bridge().startSignIn(instance, { url });
    asking.current = false;
    if (!reply.ok) setRefusal(reply.error.message);
  }

  async function cancel() {
    const reply = await bridge().cancelSignIn(instance);
    if (!reply.ok) setRefusal(reply.error.message);
  }

  return { status, refusal, start, cancel };
}
