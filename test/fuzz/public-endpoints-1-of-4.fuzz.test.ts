import { describeFuzzShard } from "./fuzz-suite.ts";

describeFuzzShard({ shard: 1, shards: 4 });
