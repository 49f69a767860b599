import { describeFuzzShard } from "./fuzz-suite.ts";

describeFuzzShard({ shard: 4, shards: 4 });
