import { describeFuzzShard } from "./fuzz-suite.ts";

describeFuzzShard({ shard: 2, shards: 4 });
