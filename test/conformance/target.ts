/** A Home Assistant the conformance scenarios run against: the simulator or a real one. */
export interface ConformanceTarget {
  name: string;
  url: string;
  token: string;
  /** Stops and starts the server; tokens and the config survive, every socket drops. */
  restart(): Promise<void>;
}
